import Foundation
import GoldilocksSchedules
import TestSupport
import Testing

@Suite struct CompositionTests {
    @Test func warmupRampsLinearlyToTheScheduleThenRunsItFromStepZero() throws {
        let decay = try CosineAnnealing(learningRate: 0.1, maximumSteps: 10)
        let schedule = decay.warmup(steps: 4, from: 0)
        #expect(schedule(0) == 0)
        expectClose(schedule(2), 0.05)  // halfway up to decay(0) = 0.1
        for step in 4..<20 { #expect(schedule(step) == decay(step - 4)) }
    }

    @Test func followedBySwitchesAtTheBoundary() throws {
        let schedule = ConstantSchedule(0.1).followed(by: GeometricDecay(learningRate: 0.05, gamma: 0.5), at: 3)
        #expect(schedule.values(count: 6) == [0.1, 0.1, 0.1, 0.05, 0.025, 0.0125])
    }

    @Test func compositesSurviveAJSONRoundTrip() throws {
        let schedule = try SequentialSchedule(
            schedules: [LinearFactor(learningRate: 0.1, startFactor: 0.1, totalIterations: 5), CosineAnnealing(learningRate: 0.1, maximumSteps: 20)],
            milestones: [5])
        let chained = try ChainedSchedule(learningRate: 0.1, schedules: [schedule, GeometricDecay(learningRate: 0.1, gamma: 0.99)])
        let joined = try JoinedSchedule.warmupCosineDecay(initial: 0, peak: 1e-3, warmupSteps: 10, decaySteps: 100)
        let data = try JSONEncoder().encode(chained)
        let decoded = try JSONDecoder().decode(ChainedSchedule.self, from: data)
        #expect(decoded.values(count: 40) == chained.values(count: 40))
        let decodedJoin = try JSONDecoder().decode(JoinedSchedule.self, from: JSONEncoder().encode(joined))
        #expect(decodedJoin.values(count: 120) == joined.values(count: 120))
    }

    @Test func aJoinNeedsOneBoundaryFewerThanSchedules() {
        #expect(throws: SpecError.self) { try JoinedSchedule(schedules: [ConstantSchedule(1)], boundaries: [3]) }
    }
}
