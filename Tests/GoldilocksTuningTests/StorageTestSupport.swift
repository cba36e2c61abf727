import Foundation
import GoldilocksTraining
@testable import GoldilocksTuning

/// The databases the shared storage tests run on: SQLite always (a new temporary file per test),
/// PostgreSQL when GOLDILOCKS_TEST_POSTGRES_URL names a server (scripts/postgres-test-server
/// starts one; .ci/run does). On PostgreSQL the tests share the database and keep apart by
/// study name.
enum StorageKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgresql

    static let postgresURL: String? = {
        let url = ProcessInfo.processInfo.environment["GOLDILOCKS_TEST_POSTGRES_URL"] ?? ""
        return url.isEmpty ? nil : url
    }()

    /// SQLite, and PostgreSQL when a server is given.
    static var available: [StorageKind] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgresql] }

    var description: String { rawValue }

    /// A URL for a fresh storage of this kind (a new SQLite file; the PostgreSQL test database).
    func freshURL() -> String {
        switch self {
        case .sqlite: "sqlite:" + temporaryPath("study.db")
        case .postgresql: Self.postgresURL ?? "postgresql://nobody@127.0.0.1:1/none"
        }
    }
}

func temporaryPath(_ name: String) -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("goldilocks-storage-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent(name).path
}

/// A study name no other test uses (PostgreSQL tests share one database).
func uniqueStudyName(_ stem: String) -> String { "\(stem)-\(UUID().uuidString.prefix(8))" }

func definition(_ name: String, trials: Int = 20, epochs: Int = 20, space: SearchSpace = SearchSpace()) -> StudyDefinition {
    var training = RunConfiguration(data: "iris")
    training.epochs = epochs
    return StudyDefinition(name: name, trials: trials, space: space, sampler: .random, pruner: .none, seed: 7, training: training)
}

/// A sampler for tests: the learning rate 10^-(1 + number/10), so each trial's rate tells its number.
func rateFromNumber(_ trials: [TrialRecord], _ number: Int) -> [String: ParameterValue] {
    ["lr": .float(pow(10, -1 - Double(number) / 10))]
}

/// Runs `body` on `count` plain threads at once and waits for them all.
func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        Thread.detachNewThread {
            body(index)
            group.leave()
        }
    }
    group.wait()
}

/// The raw rows of `sql` in `storage`'s database (the tests read Optuna's tables directly).
func rawRows(_ storage: any StudyStorage, _ sql: String, _ binds: [SQLValue] = []) throws -> [[SQLValue]] {
    guard let relational = storage as? RelationalStudyStorage else { return [] }
    return try relational.database.transaction { try $0.rows(sql, binds) }
}
