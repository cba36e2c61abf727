import Foundation
import GoldilocksSpec
import GoldilocksTuning
import Testing

/// Several `goldilocks tune` processes on one study, one of them killed with SIGKILL mid-trial:
/// only real processes show that a dead worker's trial is noticed by its missed heartbeats,
/// failed, and run again, with the budget exact and no trial number twice.
@Suite("goldilocks tune, as processes", .serialized)
struct TuneProcessTests {
    /// SQLite always; PostgreSQL when GOLDILOCKS_TEST_POSTGRES_URL names a server (CI starts one).
    static var storages: [String] {
        var urls = ["sqlite:" + ((try? temporaryFolder().appendingPathComponent("study.db").path) ?? "/tmp/goldilocks-tune-test.db")]
        if let postgres = ProcessInfo.processInfo.environment["GOLDILOCKS_TEST_POSTGRES_URL"], !postgres.isEmpty {
            urls.append(postgres)
        } else {
            print("TuneProcessTests: PostgreSQL skipped (set GOLDILOCKS_TEST_POSTGRES_URL to run it)")
        }
        return urls
    }

    @Test(arguments: storages)
    func aWorkerKilledMidTrialLosesNothing(storage: String) throws {
        let executable = try #require(builtExecutable(), "goldilocks is not built next to the tests")
        let study = "killed-\(UUID().uuidString.prefix(8))"
        let budget = 10
        let arguments = [
            "tune", "--data", "iris", "--model", "16", "--epochs", "40", "--storage", storage, "--study", study,
            "--trials", "\(budget)", "--sampler", "random", "--pruner", "none", "--heartbeat", "0.3",
        ]
        var workers: [(process: Process, output: Pipe)] = []
        for _ in 0..<3 {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            workers.append((process, output))
        }
        defer { for worker in workers where worker.process.isRunning { kill(worker.process.processIdentifier, SIGKILL) } }
        // Kill the first worker once it has started a trial.
        var seen = ""
        while !seen.contains("started") {
            let chunk = workers[0].output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        #expect(seen.contains("started"), "the first worker never started a trial: \(seen)")
        kill(workers[0].process.processIdentifier, SIGKILL)
        let deadline = Date().addingTimeInterval(300)
        for worker in workers.dropFirst() {
            // Drain the pipe as it fills, or a worker blocks on a full pipe.
            let reading = worker.output.fileHandleForReading
            DispatchQueue.global().async { _ = reading.readDataToEndOfFile() }
            while worker.process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
            #expect(!worker.process.isRunning, "a worker did not finish within 300 s")
            #expect(worker.process.terminationStatus == 0)
        }

        let store = try openStudyStorage(url: storage)
        let id = try store.study(named: study).id
        let trials = try store.trials(ofStudy: id)
        #expect(Set(trials.map(\.number)) == Set(0..<trials.count), "trial numbers are 0… without gaps or repeats")
        #expect(trials.filter { $0.state.isFinished }.count == budget)
        #expect(!trials.contains { $0.state == .running || $0.state == .waiting })
        let failed = trials.filter { $0.state == .failed }
        #expect(failed.count >= 1, "the killed worker's trial was not failed")
        // Every failed trial is run again with its parameters until a run finishes. (On a
        // starved machine a live worker's 0.3 s heartbeat can miss three beats, so a retry may
        // itself fail and be run again: the chain must still end in a finished trial.)
        for dead in failed {
            var retry = try #require(trials.first { $0.attributes["retry_of"] == .number(Double(dead.number)) })
            while retry.state == .failed {
                let number = retry.number
                retry = try #require(trials.first { $0.attributes["retry_of"] == .number(Double(number)) })
            }
            #expect(retry.parameters == dead.parameters)
            #expect(retry.state.isFinished)
        }
        let best = try #require(StudyReport(study: study, trials: trials).best)
        let lowest = trials.filter { $0.state == .complete }.compactMap(\.value).filter(\.isFinite).min()
        #expect(best.value == lowest)
    }
}
