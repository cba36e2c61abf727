import GoldilocksSpec
import GoldilocksTraining
import GoldilocksTuning
import Testing

/// What a study's trials train with when `tune` is not told a schedule.
@Suite struct SearchSpaceTests {
    @Test func trialsDecayTheirRateUnlessTheRunNamesASchedule() {
        var run = RunConfiguration(data: "iris")
        #expect(SearchSpace.defaultSchedules(for: run) == [.constant, .warmupCosine])
        run.schedule = Spec(name: "StepLR", parameters: ["step_size": .number(10)])
        #expect(SearchSpace.defaultSchedules(for: run) == nil, "a schedule of the run's own is kept")
    }
}
