import Foundation
import GoldilocksSpec
import Testing

@testable import GoldilocksTuning

/// Workers in separate processes, one of them killed with SIGKILL in the middle of its trial: every
/// trial is accounted for, none is duplicated, the budget is exact and the killed trial's
/// parameters are run again. The workers are this test binary run again, with an environment
/// variable that enables `claimingWorker` only.
@Suite struct WorkerProcessTests {
    static let environment = ProcessInfo.processInfo.environment
    static let budget = 12

    #if os(Linux)
        @Test(arguments: StorageKind.available)
        func workerProcessesShareTheBudgetAndAKilledWorkersTrialIsRunAgain(_ kind: StorageKind) throws {
            let url = kind.freshURL()
            let name = uniqueStudyName("processes")
            let storage = try openStudyStorage(url: url)
            let study = try storage.openStudy(definition(name, trials: Self.budget))

            let doomed = try Self.worker(url: url, study: name, hang: true)
            // Kill it once its trial is running: mid-trial, after a report.
            let deadline = Date().addingTimeInterval(60)
            while try storage.trials(ofStudy: study).first?.intermediateValues.isEmpty ?? true, Date() < deadline {
                Thread.sleep(forTimeInterval: 0.05)
            }
            kill(doomed.processIdentifier, SIGKILL)
            doomed.waitUntilExit()
            let killed = try #require(try storage.trials(ofStudy: study).first)
            #expect(killed.state == .running)

            let workers = try (0..<3).map { _ in try Self.worker(url: url, study: name, hang: false) }
            for worker in workers {
                worker.waitUntilExit()
                #expect(worker.terminationStatus == 0)
            }
            let trials = try storage.trials(ofStudy: study)
            #expect(trials.map(\.number) == Array(0...Self.budget))
            #expect(trials.filter { $0.state == .complete }.count == Self.budget)
            #expect(trials.filter { $0.state == .failed }.map(\.number) == [killed.number])
            let retries = trials.filter { $0.attributes["retry_of"] == .number(Double(killed.number)) }
            #expect(retries.count == 1 && retries.first?.parameters == killed.parameters && retries.first?.state == .complete)
            #expect(trials.allSatisfy { $0.state == .failed || $0.value == $0.learningRate })
        }
    #endif

    /// Starts this test binary as a worker on `study`; `hang`: it claims one trial, reports once and
    /// then waits to be killed.
    private static func worker(url: String, study: String, hang: Bool) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["--testing-library", "swift-testing", "--filter", "claimingWorker"]
        var environment = Self.environment
        environment["GOLDILOCKS_CLAIM_WORKER"] = url
        environment["GOLDILOCKS_CLAIM_STUDY"] = study
        environment["GOLDILOCKS_CLAIM_HANG"] = hang ? "1" : "0"
        process.environment = environment
        // Silent: its own "Test run … passed" lines would be counted as the suite's.
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// One worker process: claims trials until the budget is taken and no trial is running any
    /// more (a running trial may still go stale and be queued again, as the killed one does), each
    /// with a report, a heartbeat and a short pause (training), and a value equal to its learning
    /// rate. Trials go stale after 3 s without a heartbeat (ample for a loaded machine).
    @Test(.enabled(if: environment["GOLDILOCKS_CLAIM_WORKER"] != nil, "run as a worker process by the test above"))
    func claimingWorker() throws {
        let url = try #require(Self.environment["GOLDILOCKS_CLAIM_WORKER"])
        let name = try #require(Self.environment["GOLDILOCKS_CLAIM_STUDY"])
        let storage = try openStudyStorage(url: url)
        let study = try storage.study(named: name).id
        while true {
            guard let trial = try storage.claimTrial(inStudy: study, budget: Self.budget, staleAfter: 3, sample: rateFromNumber)
            else {
                guard try storage.trials(ofStudy: study).contains(where: { $0.state == .running }) else { return }
                Thread.sleep(forTimeInterval: 0.2)
                continue
            }
            try storage.report(trial: trial.id, step: 1, value: 1)
            if Self.environment["GOLDILOCKS_CLAIM_HANG"] == "1" {
                Thread.sleep(forTimeInterval: 600)  // until SIGKILL
            }
            Thread.sleep(forTimeInterval: 0.05)
            try storage.heartbeat(trial: trial.id)
            try storage.finish(trial: trial.id, state: .complete, value: trial.learningRate ?? 0)
        }
    }
}
