import Foundation
import Testing

@testable import GoldilocksTuning

/// Opening a storage: URLs, unreachable servers and databases that are not Optuna's.
@Suite struct StorageOpeningTests {
    @Test(arguments: [
        ("sqlite:goldilocks.db", StorageURL.sqlite(path: "goldilocks.db")),
        ("sqlite:///study.db", .sqlite(path: "study.db")),
        ("sqlite:////tmp/study.db", .sqlite(path: "/tmp/study.db")),
        ("postgresql://ann@db.example:6543/studies", .postgresql(user: "ann", password: nil, host: "db.example", port: 6543, database: "studies")),
        ("postgres://ann:s%40cret@localhost/studies", .postgresql(user: "ann", password: "s@cret", host: "localhost", port: 5432, database: "studies")),
        ("postgresql+psycopg2://ann:pw@10.0.0.5:5432/x", .postgresql(user: "ann", password: "pw", host: "10.0.0.5", port: 5432, database: "x")),
        ("postgresql://ann@h/x?sslmode=verify-full", .postgresql(user: "ann", password: nil, host: "h", port: 5432, database: "x", tls: .verifyFull)),
    ])
    func storageURLsParse(_ text: String, _ expected: StorageURL) throws {
        #expect(try StorageURL(text) == expected)
    }

    @Test(arguments: [
        "goldilocks.db", "sqlite:", "sqlite://host/file.db", "mysql://ann@host/db", "postgresql://host/db",
        "postgresql://ann@host", "postgresql://ann@host/", "postgresql://ann@host:99999/db", "postgresql://ann@host/db?sslmode=sometimes", "postgresql://ann@host/db?timeout=3",
    ])
    func badStorageURLsSayWhatIsWrong(_ text: String) {
        #expect {
            _ = try openStudyStorage(url: text)
        } throws: { error in
            guard case StudyStorageError.badURL(let url, let reason) = error else { return false }
            return url == text && !reason.isEmpty
        }
    }

    @Test func aPasswordIsNotShownInMessages() throws {
        #expect(try StorageURL("postgresql://ann:secret@host/db").redacted == "postgresql://ann:***@host:5432/db")
    }

    @Test func aClosedPortIsUnreachableWithinSeconds() {
        let start = Date()
        #expect {
            // Port 1 on loopback: nothing listens there, so the connection is refused.
            _ = try openStudyStorage(url: "postgresql://goldilocks@127.0.0.1:1/goldilocks")
        } throws: { error in
            guard case StudyStorageError.unreachable(let url, let reason) = error else { return false }
            return url == "postgresql://goldilocks@127.0.0.1:1/goldilocks" && !reason.isEmpty
        }
        #expect(Date().timeIntervalSince(start) < 6)
    }

    @Test func aSQLiteFileOfAnotherProgramIsRefused() throws {
        let path = temporaryPath("other.db")
        let other = try SQLiteDatabase(path: path)
        try other.transaction { try $0.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT)") }
        other.close()
        #expect(throws: StudyStorageError.unsupportedSchema(found: "tables accounts, without Optuna's studies, version_info, study_directions, study_user_attributes, study_system_attributes, trials, trial_user_attributes, trial_system_attributes, trial_params, trial_values, trial_intermediate_values, trial_heartbeats, alembic_version")) {
            _ = try openStudyStorage(url: "sqlite:" + path)
        }
        // The refused file is left as it was.
        let reopened = try SQLiteDatabase(path: path)
        #expect(try reopened.transaction { try $0.rows("SELECT name FROM sqlite_master WHERE type = 'table'", []) } == [[.text("accounts")]])
    }

    @Test func anotherOptunaSchemaVersionIsRefused() throws {
        let url = "sqlite:" + temporaryPath("old.db")
        let storage = try #require(try openStudyStorage(url: url) as? RelationalStudyStorage)
        try storage.database.transaction { try $0.execute("UPDATE alembic_version SET version_num = 'v3.0.0.d'") }
        #expect(throws: StudyStorageError.unsupportedSchema(found: "alembic version v3.0.0.d")) {
            _ = try openStudyStorage(url: url)
        }
    }

    @Test func aFileThatIsNotSQLiteIsRefused() throws {
        let path = temporaryPath("notes.db")
        try Data("these are notes, not a database\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try openStudyStorage(url: "sqlite:" + path)
        } throws: { error in
            if case StudyStorageError.unsupportedSchema = error { return true }
            return false
        }
    }

    @Test func aSQLiteFileInAMissingFolderIsUnreachable() {
        #expect {
            _ = try openStudyStorage(url: "sqlite:/nonexistent-folder-\(UUID().uuidString)/study.db")
        } throws: { error in
            if case StudyStorageError.unreachable = error { return true }
            return false
        }
    }

    @Test func aStudyOptunaMadeIsNotTakenForAGoldilocksStudy() throws {
        let storage = try #require(try openStudyStorage(url: "sqlite:" + temporaryPath("optuna.db")) as? RelationalStudyStorage)
        try storage.database.transaction { try $0.execute("INSERT INTO studies (study_name) VALUES ('made-by-optuna')") }
        #expect(throws: StudyStorageError.notAGoldilocksStudy("made-by-optuna")) {
            _ = try storage.study(named: "made-by-optuna")
        }
    }
}
