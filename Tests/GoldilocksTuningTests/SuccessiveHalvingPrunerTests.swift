import GoldilocksTuning
import Testing

@testable import GoldilocksTuning

/// Hand-made cases that show the rule; pruners.json holds thousands of Optuna's own decisions.
@Suite struct SuccessiveHalvingPrunerTests {
    static func trial(_ number: Int, _ losses: [Double], state: TrialState = .running) -> TrialRecord {
        TrialRecord(
            id: number + 1, number: number, state: state, parameters: ["lr": .float(1e-3)],
            intermediateValues: Dictionary(uniqueKeysWithValues: losses.enumerated().map { ($0.offset + 1, $0.element) }))
    }

    @Test func rungsSitAtMinResourceTimesPowersOfTheReductionFactor() {
        let pruner = SuccessiveHalvingPruner(minResource: 2, reductionFactor: 3)
        #expect((0..<4).map { pruner.rungEpoch($0, bracket: 0) } == [2, 6, 18, 54])
        #expect(pruner.rungEpoch(0, bracket: 2) == 18)
    }

    @Test func aTrialGoesOnOnlyInTheTopThirdOfThoseThatReachedTheRung() {
        let pruner = SuccessiveHalvingPruner(minResource: 1, reductionFactor: 3)
        // Five others reached epoch 1 with 1…5; with this trial n = 6, so the top ⌊6/3⌋ = 2 go on.
        let others = (0..<5).map { Self.trial($0, [Double($0 + 1)], state: .pruned) }
        #expect(!pruner.shouldPrune(Self.trial(5, [1.5]), trials: others + [Self.trial(5, [1.5])]))
        #expect(!pruner.shouldPrune(Self.trial(5, [2.0]), trials: others + [Self.trial(5, [2.0])]))  // ties go on
        #expect(pruner.shouldPrune(Self.trial(5, [2.5]), trials: others + [Self.trial(5, [2.5])]))
        // Between rungs (epoch 2) nothing is decided.
        #expect(!pruner.shouldPrune(Self.trial(5, [1.0, 9]), trials: others))
    }

    @Test func theReasonNamesTheRungAndTheLossesThatWentOn() {
        let pruner = SuccessiveHalvingPruner(minResource: 1, reductionFactor: 3)
        let others = (0..<5).map { Self.trial($0, [Double($0 + 1)], state: .pruned) }
        #expect(pruner.pruningReason(Self.trial(5, [2.5]), trials: others)
            == "its loss 2.5 at the rung of epoch 1 is not among the best 2 of 6 there (at most 2)")
        #expect(pruner.pruningReason(Self.trial(5, [1.5]), trials: others) == nil)
    }

    @Test func whileFewerThanReductionFactorReachedTheRungOnlyTheBestGoesOn() {
        let pruner = SuccessiveHalvingPruner(minResource: 1, reductionFactor: 3)
        let first = Self.trial(0, [2.0])
        #expect(!pruner.shouldPrune(first, trials: [first]))
        #expect(pruner.shouldPrune(Self.trial(1, [2.1]), trials: [first]))
        #expect(!pruner.shouldPrune(Self.trial(1, [1.9]), trials: [first]))
    }

    @Test func aTrialIsComparedAtTheRungItJustReachedWithEachRivalsLossThere() {
        let pruner = SuccessiveHalvingPruner(minResource: 1, reductionFactor: 2)
        // Rival losses at epoch 2 (the second rung): 0.5 and 3.0; their epoch-3 losses do not count.
        let rivals = [Self.trial(0, [1, 0.5, 0.1], state: .complete), Self.trial(1, [1, 3.0, 0.1], state: .complete)]
        // n = 3 → top ⌊3/2⌋ = 1: only a loss ≤ 0.5 at epoch 2 goes on.
        #expect(pruner.shouldPrune(Self.trial(2, [1, 0.6]), trials: rivals))
        #expect(!pruner.shouldPrune(Self.trial(2, [1, 0.4]), trials: rivals))
    }

    @Test func aDivergedLossIsPrunedAtOnceEvenBetweenRungs() {
        let pruner = SuccessiveHalvingPruner(minResource: 1, reductionFactor: 3)
        #expect(pruner.shouldPrune(Self.trial(0, [1, .nan]), trials: []))
        #expect(pruner.shouldPrune(Self.trial(0, [1, .infinity]), trials: []))
        // A NaN at a rung is not a rival's value there.
        let diverged = Self.trial(0, [.nan], state: .pruned)
        #expect(!pruner.shouldPrune(Self.trial(1, [5]), trials: [diverged]))
    }

    @Test func bracketsFollowOptunasHyperbandShares() {
        // Three brackets, rf 3: shares ⌈3·9/3⌉ = 9, ⌈3·3/2⌉ = 5, ⌈3·1/1⌉ = 3 of 17.
        let pruner = SuccessiveHalvingPruner(minResource: 1, reductionFactor: 3, brackets: 3, studyName: "study")
        var counts = [0, 0, 0]
        for number in 0..<1700 { counts[pruner.bracket(ofTrial: number)] += 1 }
        #expect(abs(counts[0] - 900) < 90 && abs(counts[1] - 500) < 75 && abs(counts[2] - 300) < 60, "\(counts)")
        // A trial in bracket 1 meets its first rung at epoch 3.
        let number = (0..<100).first { pruner.bracket(ofTrial: $0) == 1 } ?? 0
        #expect(!pruner.shouldPrune(Self.trial(number, [9]), trials: []))
        #expect(CRC32.checksum("123456789".utf8) == 0xCBF4_3926)  // the standard check value
    }
}
