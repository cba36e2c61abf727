import Foundation
import Testing

@testable import GoldilocksCommands

@Suite("goldilocks train")
struct TrainCommandTests {
    @Test func aRunTheGuardRescuesIsLoggedAndFinishes() async throws {
        // lr 10 on iris: the guard rescues the run at steps 10 and 21.
        let folder = try temporaryFolder().appendingPathComponent("run")
        let (status, text) = await exitStatus(["train", "--data", "iris", "--lr", "10", "--log-dir", folder.path, "--format", "json"])
        #expect(status == 0, "\(text)")
        let header = try String(contentsOf: folder.appendingPathComponent("metrics.csv"), encoding: .utf8).prefix { $0 != "\n" }
        #expect(header == "step,epoch,loss,lr,grad_norm,guard_rescue")
        #expect(await exitStatus(["diagnose", folder.path, "--format", "json"]).status == 0)
    }

    @Test func aSecondRunIntoTheSameFolderIsRefusedUnlessItOverwrites() async throws {
        let folder = try temporaryFolder().appendingPathComponent("run")
        let run = ["train", "--data", "iris", "--epochs", "2", "--log-dir", folder.path, "--format", "json"]
        #expect(await exitStatus(run).status == 0)
        let (status, text) = await exitStatus(run)
        #expect(status == 1)
        #expect(text.contains("already holds a run"))
        #expect(text.contains("--overwrite"))
        #expect(await exitStatus(run + ["--overwrite"]).status == 0)
        // The replaced run's rows are gone: 2 epochs of 4 steps, once.
        let metrics = try String(contentsOf: folder.appendingPathComponent("metrics.csv"), encoding: .utf8)
        #expect(metrics.split(separator: "\n").count == 1 + 8)
        #expect(await exitStatus(["diagnose", folder.path, "--format", "json"]).status == 0)
    }
}

/// `--diagnose rerun` on the real process: the progress on standard error, the verdict's words
/// and the reruns in the JSON.
@Suite("goldilocks train --diagnose rerun, as a process")
struct TrainRerunProcessTests {
    /// The process's status, standard output and standard error.
    private func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let executable = try #require(builtExecutable(), "goldilocks is not built next to the tests")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
    }

    @Test func textSaysWhatTheRerunsDid() throws {
        let (status, stdout, stderr) = try run(["train", "--data", "iris", "--epochs", "3", "--diagnose", "rerun"])
        #expect(status == 0, "\(stderr)")
        #expect(stderr.contains("rerun 1 of 7: seed +1") && stderr.contains("rerun 7 of 7: ÷10 from step 6"), "\(stderr)")
        #expect(stdout.contains("Diagnosis by rerunning: "), "\(stdout)")
        #expect(stdout.contains("the most of ×3, ×10, ÷10, ÷100, ÷10 from step 6"), "\(stdout)")
    }

    @Test func jsonListsTheReruns() throws {
        let (status, stdout, stderr) = try run(["train", "--data", "iris", "--epochs", "3", "--diagnose", "rerun", "--format", "json"])
        #expect(status == 0, "\(stderr)")
        #expect(stderr.isEmpty, "\(stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        let diagnosis = try #require(json["diagnosis"] as? [String: Any])
        let reruns = try #require(diagnosis["reruns"] as? [[String: Any]])
        #expect(reruns.compactMap { $0["change"] as? String } == ["×3", "×10", "÷10", "÷100", "÷10 from step 6", "seed +1", "seed +2"])
        #expect(diagnosis["confidence"] as? String == "high")
        // Every rerun has every key, a loss that stopped being finite as null.
        #expect(reruns.allSatisfy { Set($0.keys) == ["change", "factor", "from_step", "loss", "helped"] })
    }

    @Test func diagnosingARunFolderPointsToTheCheckByRerunning() throws {
        let folder = try temporaryFolder().appendingPathComponent("run")
        #expect(try run(["train", "--data", "iris", "--epochs", "2", "--log-dir", folder.path, "--format", "json"]).status == 0)
        let (status, stdout, stderr) = try run(["diagnose", folder.path])
        #expect(status == 0, "\(stderr)")
        let check = "Check: goldilocks train --config \(folder.appendingPathComponent("run.json").path) --diagnose rerun"
        #expect(stdout.contains(check), "\(stdout)")
        // A log that is not a run folder has nothing to rerun.
        let csv = folder.appendingPathComponent("metrics.csv").path
        #expect(try !run(["diagnose", csv]).stdout.contains("Check:"))
    }

    @Test func aRunTooShortToDiagnoseIsNotRerun() throws {
        // One step: no diagnosis reads it, so seven more runs would diagnose nothing either.
        let (status, stdout, stderr) = try run(["train", "--data", "iris", "--epochs", "1", "--batch-size", "120", "--diagnose", "rerun"])
        #expect(status == 0, "\(stderr)")
        #expect(!stderr.contains("rerun") && !stdout.contains("Diagnosis"), "\(stderr)\n\(stdout)")
    }

    @Test func anUnknownMethodIsRefused() async throws {
        let (status, text) = await exitStatus(["train", "--data", "iris", "--diagnose", "guess"])
        #expect(status == 64, "\(text)")
    }
}

/// The built `goldilocks` next to the test bundle (`swift build` and `swift test` build it).
func builtExecutable() -> URL? {
    var candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
    if let bundle = Bundle.main.executableURL { candidates.append(bundle.deletingLastPathComponent()) }
    candidates += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
    return candidates.map { $0.appendingPathComponent("goldilocks") }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }
}

/// Ctrl-C on the real process: only a process shows that the signal is caught, the logs
/// flushed, the summary printed and the status 130.
@Suite("goldilocks train, as a process", .serialized)
struct TrainProcessTests {
    @Test(arguments: [(SIGINT, Int32(130), "interrupted (Ctrl-C)"), (SIGTERM, Int32(143), "terminated (SIGTERM)")])
    func aSignalStopsTheRunWithASummaryAndTheStatus(signal: Int32, status: Int32, message: String) throws {
        let executable = try #require(builtExecutable(), "goldilocks is not built next to the tests")
        let folder = try temporaryFolder().appendingPathComponent("run")
        let process = Process()
        process.executableURL = executable
        // 20,000 epochs of 45 steps: minutes of work, so the signal always comes mid-run.
        process.arguments = ["train", "--data", "digits", "--epochs", "20000", "--log-dir", folder.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Wait for the header, which comes once the handlers are in place and training starts;
        // then a second of training.
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("Model ") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += chunk
        }
        Thread.sleep(forTimeInterval: 1)
        kill(process.processIdentifier, signal)
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            Issue.record("train did not stop within 60 s of the signal")
            return
        }
        let stdout = String(decoding: seen + output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == status, "\(stderr)")
        let stop = try #require(stdout.firstMatch(of: /Stopped early: interrupted at step (\d+) of 900000/), "\(stdout)")
        #expect(stdout.contains("Diagnosis of the partial run") || !stdout.contains("Diagnosis"))
        #expect(stderr.contains(message))
        // The logs were flushed up to the last step.
        let steps = Int(stop.1)!
        let metrics = try String(contentsOf: folder.appendingPathComponent("metrics.csv"), encoding: .utf8)
        #expect(metrics.split(separator: "\n").count == 1 + steps)
    }
}
