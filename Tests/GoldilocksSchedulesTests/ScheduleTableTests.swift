import GoldilocksSchedules
import TestSupport
import Testing

@Suite struct ScheduleTableTests {
    @Test func rowsHoldTheLearningRateAndCycledMomentum() throws {
        let rows = try scheduleRows(Spec(json: #"{"name":"CyclicLR","base_lr":0.1,"max_lr":0.5,"step_size_up":2}"#), steps: 3)
        #expect(rows.map(\.lr) == [0.1, 0.30000000000000004, 0.5])
        expectClose(rows.map { $0.momentum ?? .nan }, [0.9, 0.85, 0.8], rtol: 1e-15)
    }

    @Test func plateauNeedsEnoughMetrics() throws {
        let spec = try Spec(json: #"{"name":"ReduceLROnPlateau","lr":0.1}"#)
        #expect(throws: SpecError.self) { try scheduleRows(spec, steps: 5) }
        #expect(throws: SpecError.self) { try scheduleRows(spec, steps: 5, metrics: [1, 2]) }
        #expect(try scheduleRows(spec, steps: 5, metrics: [1, 2, 3, 4]).count == 5)
    }

    @Test func metricsAreOnlyForThePlateau() {
        #expect(throws: SpecError.self) {
            try scheduleRows(Spec(json: #"{"name":"constant","lr":0.1}"#), steps: 2, metrics: [1])
        }
    }

    @Test func metricsParseOnePerLineAndNameTheBadLine() throws {
        #expect(try parseMetrics("1.5\n\n2e-3\nnan\n").count == 3)
        #expect {
            try parseMetrics("1\nloss\n", source: "m.txt")
        } throws: { error in
            (error as? SpecError)?.description == "m.txt, line 2: \"loss\" is not a number"
        }
    }
}
