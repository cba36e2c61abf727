import Foundation
import GoldilocksLogs
import Testing

@testable import GoldilocksTraining

/// A fresh temporary folder for one test.
private func temporaryFolder(_ name: String = #function) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("goldilocks-training-tests")
        .appendingPathComponent(name.filter { $0.isLetter || $0.isNumber } + "-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite struct RunLoggingTests {
    /// Iris at lr 10: the guard rescues it at steps 10 and 21 (seen in `goldilocks train --data
    /// iris --lr 10`), so the log must hold rescues.
    private func rescuedRun() throws -> RunConfiguration {
        var configuration = RunConfiguration(data: "iris")
        configuration.learningRate = 10
        return configuration
    }

    @Test func aRescuedRunIsLoggedWithTheRescueOnItsStepRow() throws {
        let folder = try temporaryFolder()
        let setup = try TrainingSetup(try rescuedRun())
        let logging = try RunLogging(directory: folder, configuration: setup.configuration, cyclesMomentum: false)
        let (summary, history) = try setup.train(callbacks: [logging])
        #expect(logging.failure == nil)
        #expect(summary.stoppedEarly == nil)
        #expect(summary.rescues >= 1)

        let metrics = try String(contentsOf: folder.appendingPathComponent("metrics.csv"), encoding: .utf8)
        let rows = metrics.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows[0] == ["step", "epoch", "loss", "lr", "grad_norm", "guard_rescue"])
        // One row per step, in order, every step there once; the rescued steps carry the factor.
        #expect(rows.dropFirst().map { Int($0[0]) } == history.steps.map(\.step))
        let rescued = rows.dropFirst().filter { $0[5] != "" }.map { Int($0[0])! }
        #expect(rescued == history.restores.map(\.step))
        #expect(rows.dropFirst().filter { $0[5] != "" }.allSatisfy { $0[5] == "0.1" })
        // …and the folder still reads back, for `goldilocks diagnose`.
        let log = try LossLog.read(folder.path)
        #expect(log.steps == history.steps.map(\.step))
        // The logger let go of the folder at the end of the run.
        _ = try RunFolder(claiming: folder, replacing: true)
    }

    @Test func anInterruptedRunIsFlushedUpToItsLastStep() throws {
        let folder = try temporaryFolder()
        var configuration = RunConfiguration(data: "iris")
        configuration.epochs = 50
        let setup = try TrainingSetup(configuration)
        let logging = try RunLogging(directory: folder, configuration: configuration, cyclesMomentum: false)
        var asked = 0
        let interruption = Interruption {
            asked += 1
            return asked > 7
        }
        let (summary, history) = try setup.train(callbacks: [interruption, logging])
        #expect(summary.steps == history.steps.count)
        let metrics = try String(contentsOf: folder.appendingPathComponent("metrics.csv"), encoding: .utf8)
        #expect(metrics.split(separator: "\n").count == 1 + history.steps.count)
        #expect(summary.stoppedEarly?.hasPrefix("interrupted at step \(summary.steps) of ") == true)
    }
}
