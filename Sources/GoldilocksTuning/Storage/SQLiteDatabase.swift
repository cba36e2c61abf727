import Foundation
import GRDB

/// A SQLite file through GRDB: WAL (once the file is known to be a study storage), so readers
/// never wait for the writer; a busy timeout, so a writer waits for another process's transaction
/// instead of failing; `BEGIN IMMEDIATE`, so each transaction takes the database's write lock
/// before it reads what it will change.
final class SQLiteDatabase: SQLDatabase {
    let dialect = SQLDialect.sqlite
    private let queue: DatabaseQueue
    private let path: String

    /// How long a transaction waits for another process's write lock before it gives up.
    static let busyTimeout: TimeInterval = 60

    /// Opens (creating when missing) the SQLite file at `path`.
    init(path: String) throws(StudyStorageError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "goldilocks study storage"
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Self.openError(error, path: path)
        }
    }

    private static func openError(_ error: any Error, path: String) -> StudyStorageError {
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_NOTADB {
            return .unsupportedSchema(found: "\(path) is not a SQLite database")
        }
        let reason = (error as? DatabaseError)?.message ?? "\(error)"
        return .unreachable("sqlite:\(path)", reason: reason)
    }

    func transaction<T: Sendable>(_ body: (any SQLSession) throws -> T) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(Session(db: db))
                    return .commit
                }
                guard let result else { throw StudyStorageError.database("a SQLite transaction returned nothing") }
                return result
            }
        } catch let error as StudyStorageError {
            throw error
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_NOTADB {
                throw StudyStorageError.unsupportedSchema(found: "\(path) is not a SQLite database")
            }
            throw StudyStorageError.database("SQLite \(path): \(error.message ?? error.description)")
        }
    }

    /// Switches the file to WAL, which it keeps. Only after the schema check, so that a file of
    /// another program is left as it was. The switch needs the file to itself, and SQLite answers
    /// "busy" at once rather than wait for it (workers opening the file together), so it is
    /// tried again until the busy timeout.
    func useWriteAheadLog() throws(StudyStorageError) {
        let deadline = Date().addingTimeInterval(Self.busyTimeout)
        while true {
            do {
                let mode = try queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
                if mode?.lowercased() == "wal" { return }
                try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: Double.random(in: 0.005...0.05))
            } catch {
                throw .database("SQLite \(path): cannot switch to WAL (\(error))")
            }
        }
    }

    func close() { try? queue.close() }

    private struct Session: SQLSession {
        let db: Database

        func rows(_ sql: String, _ binds: [SQLValue]) throws -> [[SQLValue]] {
            let arguments = StatementArguments(binds.map { value -> (any DatabaseValueConvertible)? in
                switch value {
                case .null: nil
                case .integer(let x): x
                case .real(let x): x
                case .text(let s): s
                }
            })
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                row.databaseValues.map { value in
                    switch value.storage {
                    case .null: .null
                    case .int64(let x): .integer(Int(x))
                    case .double(let x): .real(x)
                    case .string(let s): .text(s)
                    case .blob(let data): .text(String(decoding: data, as: UTF8.self))
                    }
                }
            }
        }
    }
}
