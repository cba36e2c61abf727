@testable import GoldilocksTuning
import Testing

@Suite struct LadderWalkTests {
    @Test func theLadderHasAboutThreeRungsPerDecadeAndTheGridsRates() {
        let ladder = LadderWalk(over: 1e-5...1)
        #expect(ladder.rungs == 16)
        #expect((0..<16).map(ladder.rate) == GridSampler(points: 16).rates(over: 1e-5...1))
        #expect(LadderWalk(over: 1e-4...1e-1).rungs == 10)
        #expect(LadderWalk(over: 1e-3...1e-3).rungs == 1)
        #expect(ladder.rung(of: ladder.rate(7)) == 7)
        #expect(ladder.rung(of: ladder.rate(7) * 1.0000001) == nil, "between rungs")
        #expect(ladder.rung(nearest: 3e-3) == 7 && ladder.rung(nearest: 10) == 15 && ladder.rung(nearest: .nan) == 0)
    }

    @Test func theWalkStartsThenTriesBothNeighboursThenGoesDownhill() {
        let ladder = LadderWalk(over: 1e-5...1)
        #expect(ladder.next(start: 6, tried: [:]) == 6)
        #expect(ladder.next(start: 6, tried: [6: 2.0]) == 5)
        #expect(ladder.next(start: 6, tried: [6: 2.0, 5: 3.0]) == 7)
        // Falling towards higher rates: go on up.
        #expect(ladder.next(start: 6, tried: [6: 2.0, 5: 3.0, 7: 1.0]) == 8)
        // Falling towards lower rates: go on down.
        #expect(ladder.next(start: 6, tried: [6: 2.0, 5: 1.0, 7: 3.0]) == 4)
        // The best has both neighbours: extend past the better neighbour (here the upper one).
        #expect(ladder.next(start: 6, tried: [6: 1.0, 5: 3.0, 7: 2.0]) == 8)
        // A pruned or diverged rung is worth +inf; a running one is skipped but not judged.
        let oneRunning: [Int: Double?] = [6: 2.0, 5: .infinity, 7: nil]
        #expect(ladder.next(start: 6, tried: oneRunning) == 8)
        let startRunning: [Int: Double?] = [6: nil]
        #expect(ladder.next(start: 6, tried: startRunning) == 5)
        // The start is clamped to the ladder, and an exhausted ladder gives nil.
        #expect(ladder.next(start: 99, tried: [:]) == 15)
        #expect(LadderWalk(over: 1e-3...1e-3).next(start: 0, tried: [0: 1.0]) == nil)
    }
}
