import GoldilocksSchedules
import TestSupport
import Testing

@Suite struct ScheduleTableTests {
    @Test func rowsHoldTheLearningRateAndCycledMomentum() throws {
        let rows = try scheduleRows(Spec(json: #"{"name":"CyclicLR","base_lr":0.1,"max_lr":0.5,"step_size_up":2}"#), steps: 3)
        #expect(rows.map(\.lr) == [0.1, 0.30000000000000004, 0.5])
        expectClose(rows.map { $0.momentum ?? .nan }, [0.9, 0.85, 0.8], rtol: 1e-15)
    }

    @Test func rowsAreComputedAsTheyAreReadForAnyStepCount() throws {
        let rows = try ScheduleRows(Spec(json: #"{"name":"StepLR","lr":0.1,"step_size":2,"gamma":0.5}"#), steps: Int.max)
        #expect(rows.prefix(4).map(\.lr) == [0.1, 0.1, 0.05, 0.05])
    }

    @Test func aChainedSchedulerStreamsTheSameValuesAsItsRecursion() throws {
        let spec = try Spec(json: #"{"name":"ChainedScheduler","lr":1,"schedulers":[{"name":"ConstantLR","factor":0.1,"total_iters":3},{"name":"ExponentialLR","gamma":0.9}]}"#)
        let streamed = try ScheduleRows(spec, steps: 8).map(\.lr)
        guard case .schedule(let chained) = try ScheduleRegistry.standard.controller(spec, learningRate: nil) else {
            Issue.record("ChainedScheduler is not a schedule")
            return
        }
        expectClose(streamed, (0..<8).map { chained($0) }, rtol: 1e-15)
    }

    @Test(arguments: [
        #"{"name":"StepLR","lr":0.1,"step_size":-9223372036854775808}"#,
        #"{"name":"MultiStepLR","lr":0.1,"milestones":[-9223372036854775808]}"#,
        #"{"name":"StepLR","lr":0.1,"step_size":9223372036854775807}"#,
    ])
    func stepCountsAtTheEdgesOfIntAreErrors(_ json: String) throws {
        #expect(throws: SpecError.self) { try scheduleRows(Spec(json: json), steps: 3) }
    }

    @Test func plateauNeedsEnoughMetrics() throws {
        let spec = try Spec(json: #"{"name":"ReduceLROnPlateau","lr":0.1}"#)
        #expect(throws: SpecError.missingMetrics(schedule: "ReduceLROnPlateau")) { try scheduleRows(spec, steps: 5) }
        #expect(throws: SpecError.tooFewMetrics(schedule: "ReduceLROnPlateau", steps: 5, metrics: 2)) {
            try scheduleRows(spec, steps: 5, metrics: [1, 2])
        }
        #expect(try scheduleRows(spec, steps: 5, metrics: [1, 2, 3, 4]).count == 5)
    }

    @Test func metricsAreOnlyForThePlateau() {
        #expect(throws: SpecError.unexpectedMetrics(schedule: "constant")) {
            try scheduleRows(Spec(json: #"{"name":"constant","lr":0.1}"#), steps: 2, metrics: [1])
        }
    }

    @Test func metricsParseOnePerLineAndNameTheBadLine() throws {
        #expect(try parseMetrics("1.5\n\n2e-3\nnan\n").count == 3)
        let error = #expect(throws: SpecError.self) { try parseMetrics("1\nloss\n", source: "m.txt") }
        #expect(error == .badMetric(source: "m.txt", line: 2, value: "loss"))
        #expect(error?.description == "m.txt, line 2: \"loss\" is not a number")
    }
}
