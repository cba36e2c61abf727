import Foundation
import GoldilocksSpec
import Synchronization
import Testing

@testable import GoldilocksTuning

/// The storage's behaviour, the same on every database (`StorageKind.available`).
@Suite struct StudyStorageTests {
    @Test(arguments: StorageKind.available)
    func createsOptunasTablesAndReopensTheStudy(_ kind: StorageKind) throws {
        let url = kind.freshURL()
        let name = uniqueStudyName("reopen")
        let id = try openStudyStorage(url: url).openStudy(definition(name))
        let again = try openStudyStorage(url: url)
        #expect(try again.openStudy(definition(name)) == id)
        #expect(try again.studyNames().contains(name))
        #expect(try again.study(named: name).definition == definition(name))
        #expect(try rawRows(again, "SELECT version_num FROM alembic_version") == [[.text("v3.2.0.a")]])
        #expect(
            try rawRows(again, "SELECT schema_version, library_version FROM version_info") == [[.integer(12), .text("5.0.0")]])
        #expect(
            try rawRows(again, "SELECT direction, objective FROM study_directions WHERE study_id = ?", [.integer(id)])
                == [[.text("MINIMIZE"), .integer(0)]])
    }

    @Test(arguments: StorageKind.available)
    func aStudyWithOtherSettingsIsRefusedNamingThem(_ kind: StorageKind) throws {
        let storage = try openStudyStorage(url: kind.freshURL())
        let name = uniqueStudyName("settings")
        _ = try storage.openStudy(definition(name, trials: 20, epochs: 20))
        #expect {
            _ = try storage.openStudy(definition(name, trials: 30, epochs: 5))
        } throws: { error in
            guard case StudyStorageError.definitionDiffers(let study, let differences) = error else { return false }
            return study == name
                && differences == ["training.epochs: 20 in the study, 5 here", "trials: 20 in the study, 30 here"]
        }
        #expect(throws: StudyStorageError.noSuchStudy("nope", existing: try storage.studyNames())) {
            _ = try storage.study(named: "nope")
        }
    }

    @Test(arguments: StorageKind.available)
    func workersOpeningANewStorageAtOnceShareOneStudy(_ kind: StorageKind) throws {
        let url = kind.freshURL()  // SQLite: a file nobody has created yet
        let name = uniqueStudyName("together")
        let ids = Mutex<[Int]>([])
        let failures = Mutex<[String]>([])
        onThreads(6) { worker in
            do {
                let id = try openStudyStorage(url: url).openStudy(definition(name))
                ids.withLock { $0.append(id) }
            } catch {
                failures.withLock { $0.append("worker \(worker): \(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(ids.withLock { Set($0).count == 1 && $0.count == 6 })
        #expect(try openStudyStorage(url: url).studyNames().filter { $0 == name }.count == 1)
    }

    @Test(arguments: StorageKind.available)
    func eightThreadsClaimExactlyTheBudgetWithUniqueNumbers(_ kind: StorageKind) throws {
        let url = kind.freshURL()
        let name = uniqueStudyName("threads")
        let study = try openStudyStorage(url: url).openStudy(definition(name, trials: 20))
        let finished = Mutex<[Int]>([])
        let failures = Mutex<[String]>([])
        onThreads(8) { worker in
            do {
                // One storage per thread, as separate processes would have: separate connections.
                let storage = try openStudyStorage(url: url)
                while let trial = try storage.claimTrial(inStudy: study, budget: 20, staleAfter: 60, sample: rateFromNumber) {
                    try storage.report(trial: trial.id, step: 1, value: Double(trial.number))
                    try storage.finish(trial: trial.id, state: .complete, value: Double(trial.number))
                    finished.withLock { $0.append(trial.number) }
                }
            } catch {
                failures.withLock { $0.append("worker \(worker): \(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(finished.withLock { $0.sorted() } == Array(0..<20))
        let trials = try openStudyStorage(url: url).trials(ofStudy: study)
        #expect(trials.map(\.number) == Array(0..<20))
        #expect(trials.allSatisfy { $0.state == .complete && $0.value == Double($0.number) })
        #expect(trials.allSatisfy { $0.learningRate == pow(10, -1 - Double($0.number) / 10) })
    }

    @Test(arguments: StorageKind.available)
    func threadsSharingOneStorageTakeTurns(_ kind: StorageKind) throws {
        let storage = try openStudyStorage(url: kind.freshURL())
        let study = try storage.openStudy(definition(uniqueStudyName("shared"), trials: 10))
        let failures = Mutex<[String]>([])
        onThreads(4) { worker in
            do {
                while let trial = try storage.claimTrial(inStudy: study, budget: 10, staleAfter: 60, sample: rateFromNumber) {
                    try storage.heartbeat(trial: trial.id)
                    try storage.finish(trial: trial.id, state: .pruned, value: 1)
                }
            } catch {
                failures.withLock { $0.append("worker \(worker): \(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let trials = try storage.trials(ofStudy: study)
        #expect(trials.map(\.number) == Array(0..<10) && trials.allSatisfy { $0.state == .pruned })
    }

    @Test(arguments: StorageKind.available)
    func aTrialWithoutHeartbeatsIsFailedAndRunAgainWithItsParameters(_ kind: StorageKind) throws {
        let storage = try openStudyStorage(url: kind.freshURL())
        let study = try storage.openStudy(definition(uniqueStudyName("stale"), trials: 3))
        let dead = try #require(try storage.claimTrial(inStudy: study, budget: 3, staleAfter: 60, sample: rateFromNumber))
        let alive = try #require(try storage.claimTrial(inStudy: study, budget: 3, staleAfter: 60, sample: rateFromNumber))
        try storage.report(trial: dead.id, step: 1, value: 0.5)
        // Both run longer than the grace period; `alive` keeps its heartbeat, `dead` does not.
        Thread.sleep(forTimeInterval: 2.3)
        try storage.heartbeat(trial: alive.id)
        let retry = try #require(try storage.claimTrial(inStudy: study, budget: 3, staleAfter: 2, sample: rateFromNumber))
        #expect(retry.number == 2)
        #expect(retry.parameters == dead.parameters)
        #expect(retry.attributes["retry_of"] == .number(Double(dead.number)))
        // The dead worker learns that its trial was failed when it reports, beats or finishes.
        #expect(throws: StudyStorageError.notRunning(trial: dead.number, state: .failed)) {
            try storage.report(trial: dead.id, step: 2, value: 0.4)
        }
        #expect(throws: StudyStorageError.notRunning(trial: dead.number, state: .failed)) {
            try storage.heartbeat(trial: dead.id)
        }
        #expect(throws: StudyStorageError.notRunning(trial: dead.number, state: .failed)) {
            try storage.finish(trial: dead.id, state: .complete, value: 0.1)
        }
        try storage.finish(trial: alive.id, state: .complete, value: 0.2)
        try storage.finish(trial: retry.id, state: .pruned, value: nil)
        let last = try #require(try storage.claimTrial(inStudy: study, budget: 3, staleAfter: 60, sample: rateFromNumber))
        try storage.finish(trial: last.id, state: .complete, value: 0.3)
        #expect(try storage.claimTrial(inStudy: study, budget: 3, staleAfter: 60, sample: rateFromNumber) == nil)
        let trials = try storage.trials(ofStudy: study)
        #expect(trials.map(\.state) == [.failed, .complete, .pruned, .complete])
        #expect(trials.filter { $0.state.isFinished }.count == 3)
        #expect(trials[0].intermediateValues == [1: 0.5])
        #expect(trials[2].value == nil)  // pruned before any report: no last value to record
        let history = try rawRows(
            storage, "SELECT value_json FROM trial_system_attributes WHERE trial_id = ? AND \"key\" = 'retry_history'",
            [.integer(retry.id)])
        #expect(history == [[.text("[\(dead.number)]")]])
    }

    @Test(arguments: StorageKind.available)
    func nanAndInfinitiesRoundTripAsOptunasValueTypes(_ kind: StorageKind) throws {
        let storage = try openStudyStorage(url: kind.freshURL())
        let space = SearchSpace(learningRate: 1e-5...1, schedules: [.constant, .oneCycle])
        let study = try storage.openStudy(definition(uniqueStudyName("values"), trials: 5, space: space))
        let sample: ([TrialRecord], Int) -> [String: ParameterValue] = { _, number in
            ["lr": .float(1e-3), "schedule": .choice(number == 0 ? "one_cycle" : "constant")]
        }
        let first = try #require(try storage.claimTrial(inStudy: study, budget: 5, staleAfter: 60, sample: sample))
        let steps: [Int: Double] = [1: 0.5, 2: .infinity, 3: -.infinity, 4: .nan]
        for (step, value) in steps { try storage.report(trial: first.id, step: step, value: value) }
        try storage.report(trial: first.id, step: 1, value: 0.25)  // a repeated step keeps the latest
        try storage.setAttribute(trial: first.id, key: "steps", value: .number(900))
        try storage.finish(trial: first.id, state: .complete, value: .infinity)
        let second = try #require(try storage.claimTrial(inStudy: study, budget: 5, staleAfter: 60, sample: sample))
        try storage.report(trial: second.id, step: 1, value: -.infinity)
        try storage.finish(trial: second.id, state: .pruned, value: nil)
        let third = try #require(try storage.claimTrial(inStudy: study, budget: 5, staleAfter: 60, sample: sample))
        #expect(throws: StudyStorageError.self) { try storage.finish(trial: third.id, state: .complete, value: .nan) }
        try storage.finish(trial: third.id, state: .failed, value: nil)

        let trials = try storage.trials(ofStudy: study)
        let values = trials[0].intermediateValues
        #expect(values[1] == 0.25 && values[2] == .infinity && values[3] == -.infinity && values[4]?.isNaN == true)
        #expect(trials[0].value == .infinity)
        #expect(trials[0].parameters == ["lr": .float(1e-3), "schedule": .choice("one_cycle")])
        #expect(trials[0].attributes["steps"] == .number(900))
        #expect(trials[0].started != nil && trials[0].completed != nil)
        #expect(trials[1].value == -.infinity)
        #expect(trials[2].state == .failed && trials[2].value == nil)
        let rows = try rawRows(
            storage, "SELECT value, value_type FROM trial_values WHERE trial_id = ?", [.integer(first.id)])
        #expect(rows == [[.null, .text("INF_POS")]])
        let params = try rawRows(
            storage, "SELECT param_value, distribution_json FROM trial_params WHERE trial_id = ? ORDER BY param_name",
            [.integer(first.id)])
        #expect(
            params == [
                [.real(1e-3), .text(#"{"name": "FloatDistribution", "attributes": {"step": null, "low": 1e-05, "high": 1.0, "log": true}}"#)],
                [.real(1), .text(#"{"name": "CategoricalDistribution", "attributes": {"choices": ["constant", "one_cycle"]}}"#)],
            ])
        try storage.setStudyAttribute(study: study, key: "range_test", value: .object(["lr": .number(0.01), "steps": .number(100)]))
        #expect(try storage.studyAttributes(study: study) == ["range_test": .object(["lr": .number(0.01), "steps": .number(100)])])
    }

    @Test(arguments: StorageKind.available)
    func aSampledValueOutsideTheSpaceIsRefused(_ kind: StorageKind) throws {
        let storage = try openStudyStorage(url: kind.freshURL())
        let study = try storage.openStudy(definition(uniqueStudyName("space"), trials: 5))
        #expect(throws: StudyStorageError.badParameter(name: "lr", reason: "the sampler gave it no value")) {
            _ = try storage.claimTrial(inStudy: study, budget: 5, staleAfter: 60) { _, _ in [:] }
        }
        #expect(throws: StudyStorageError.self) {
            _ = try storage.claimTrial(inStudy: study, budget: 5, staleAfter: 60) { _, _ in ["lr": .float(3)] }
        }
        // Nothing was left behind by the refused claims.
        #expect(try storage.trials(ofStudy: study).isEmpty)
    }
}

/// What only a server can do to a worker.
@Suite(.enabled(if: StorageKind.postgresURL != nil, "GOLDILOCKS_TEST_POSTGRES_URL is not set: PostgreSQL-only tests skipped"))
struct PostgresStorageTests {
    /// The test server has no certificate: `prefer` (the default) falls back to plain TCP,
    /// `require` refuses to.
    @Test func sslModesBehaveAsLibpqs() throws {
        let url = StorageKind.postgresql.freshURL()
        _ = try openStudyStorage(url: url + "?sslmode=disable").studyNames()
        _ = try openStudyStorage(url: url + "?sslmode=prefer").studyNames()
        #expect {
            _ = try openStudyStorage(url: url + "?sslmode=require")
        } throws: { error in
            if case StudyStorageError.unreachable = error { return true }
            return false
        }
    }

    @Test func aWorkerWhoseConnectionWasDroppedReconnects() throws {
        let storage = try openStudyStorage(url: StorageKind.postgresql.freshURL())
        let study = try storage.openStudy(definition(uniqueStudyName("reconnect"), trials: 2))
        // The server ends this storage's own session, as a restart or a dropped network would.
        #expect(throws: StudyStorageError.self) { _ = try rawRows(storage, "SELECT pg_terminate_backend(pg_backend_pid())") }
        Thread.sleep(forTimeInterval: 0.2)
        let trial = try #require(try storage.claimTrial(inStudy: study, budget: 2, staleAfter: 60, sample: rateFromNumber))
        try storage.finish(trial: trial.id, state: .complete, value: 1)
        #expect(try storage.trials(ofStudy: study).map(\.state) == [.complete])
    }
}
