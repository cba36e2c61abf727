import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// A PostgreSQL database through postgres-nio, on one connection that transactions take turns on.
///
/// postgres-nio is asynchronous and runs on NIO's event loops; `StudyStorage` is synchronous, so
/// each call blocks its thread on the query's future. That is fine from a plain thread (a training
/// worker) and from the main thread, and wrong from an event loop (it would wait on itself;
/// NIO traps) or a Swift concurrency task (it would hold a cooperative thread): call the storage
/// from plain threads only.
final class PostgresDatabase: SQLDatabase {
    let dialect = SQLDialect.postgresql
    /// The open connection; nil after the server dropped it (the next transaction connects again)
    /// or after `close()` (`closed`).
    private let state = Mutex<(connection: PostgresConnection?, closed: Bool)>((nil, false))
    private let description: String
    private let configuration: PostgresConnection.Configuration
    private let logger = Logger(label: "goldilocks.storage.postgres")

    /// How long connecting may take before the storage gives up with `.unreachable`.
    static let connectTimeout: TimeAmount = .seconds(5)
    /// How often a transaction is run again after a serialization failure, a deadlock or a
    /// unique-key race (two workers creating the same study).
    static let attempts = 6

    /// Connects to `configuration`'s server; `description` names it in errors (no password).
    init(configuration: PostgresConnection.Configuration, description: String) throws(StudyStorageError) {
        self.description = description
        var configuration = configuration
        configuration.options.connectTimeout = Self.connectTimeout
        // One clock for heartbeats, whatever the server's TimeZone setting: UTC.
        configuration.options.additionalStartupParameters = [("TimeZone", "UTC")]
        self.configuration = configuration
        let connection = try Self.connect(configuration, description: description, logger: logger)
        state.withLock { $0.connection = connection }
    }

    private static func connect(
        _ configuration: PostgresConnection.Configuration, description: String, logger: Logger
    ) throws(StudyStorageError) -> PostgresConnection {
        let future = PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: logger)
        do {
            return try future.wait()
        } catch {
            throw .unreachable(description, reason: Self.reason(error))
        }
    }

    deinit { close() }

    func close() {
        let open = state.withLock { current -> PostgresConnection? in
            defer { current = (nil, true) }
            return current.connection
        }
        try? open?.close().wait()
    }

    func transaction<T: Sendable>(_ body: (any SQLSession) throws -> T) throws -> T {
        try state.withLock { current in
            guard !current.closed else { throw StudyStorageError.database("the PostgreSQL storage is closed") }
            let open: PostgresConnection
            if let connection = current.connection, !connection.isClosed {
                open = connection
            } else {
                // The server restarted or the network dropped the connection: a worker that
                // outlives it connects again rather than failing its trial.
                open = try Self.connect(configuration, description: description, logger: logger)
                current.connection = open
            }
            let session = Session(connection: open, logger: logger, description: description)
            var attempt = 1
            while true {
                do {
                    try session.execute("BEGIN")
                    let result = try body(session)
                    try session.execute("COMMIT")
                    return result
                } catch {
                    if (error as? SessionError)?.connectionLost ?? false {
                        // The server ended the session (it rolled the transaction back): a
                        // ROLLBACK sent now would wait for an answer that never comes.
                        current.connection = nil
                        // Closing the channel needs no answer from the server (and postgres-nio
                        // asserts that a connection is closed before it is released).
                        try? open.close().wait()
                        throw (error as? SessionError)?.storageError ?? StudyStorageError.database("\(error)")
                    }
                    try? session.execute("ROLLBACK")
                    if attempt < Self.attempts, let state = (error as? SessionError)?.sqlState,
                        ["40001", "40P01", "23505"].contains(state)
                    {
                        attempt += 1
                        // A short random pause lets the other transaction finish first.
                        Thread.sleep(forTimeInterval: Double.random(in: 0.005...0.05) * Double(attempt))
                        continue
                    }
                    if let error = error as? SessionError { throw error.storageError }
                    if error is StudyStorageError { throw error }
                    throw StudyStorageError.database("PostgreSQL \(description): \(error)")
                }
            }
        }
    }

    /// A message a user can act on: the server's own message, or what failed on the way to it.
    /// (postgres-nio's `description` hides everything, to keep secrets out of logs.)
    static func reason(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                return message + (error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
            }
            if let underlying = error.underlying { return "\(error.code): \(underlying)" }
            return "\(error.code)"
        }
        return "\(error)"
    }

    /// A failed statement, with the server's SQLSTATE to tell retryable failures apart.
    private struct SessionError: Error {
        let sqlState: String?
        let message: String
        /// The connection is gone: no answer came, or the server ended the session (FATAL).
        let connectionLost: Bool
        let description: String
        var storageError: StudyStorageError {
            connectionLost ? .unreachable(description, reason: message) : .database("PostgreSQL: \(message)")
        }
    }

    private struct Session: SQLSession {
        let connection: PostgresConnection
        let logger: Logger
        let description: String

        func rows(_ sql: String, _ binds: [SQLValue]) throws -> [[SQLValue]] {
            var bindings = PostgresBindings(capacity: binds.count)
            for value in binds {
                switch value {
                case .null: bindings.appendNull()
                case .integer(let x): bindings.append(x)
                case .real(let x): bindings.append(x)
                case .text(let s): bindings.append(s)
                }
            }
            let query = PostgresQuery(unsafeSQL: Self.numberPlaceholders(sql), binds: bindings)
            let result: PostgresQueryResult
            do {
                result = try connection.query(query, logger: logger).wait()
            } catch let error as PSQLError {
                let severity = error.serverInfo?[.severity]
                throw SessionError(
                    sqlState: error.serverInfo?[.sqlState], message: PostgresDatabase.reason(error),
                    connectionLost: error.serverInfo == nil || severity == "FATAL" || severity == "PANIC",
                    description: description)
            }
            return try result.rows.map { row in try row.map(Self.value) }
        }

        /// `?` placeholders (the one spelling the storage writes) as PostgreSQL's `$1`, `$2`, …;
        /// the storage's SQL has no `?` inside string literals.
        static func numberPlaceholders(_ sql: String) -> String {
            var out = ""
            var index = 0
            for character in sql {
                if character == "?" {
                    index += 1
                    out += "$\(index)"
                } else {
                    out.append(character)
                }
            }
            return out
        }

        static func value(_ cell: PostgresCell) throws -> SQLValue {
            guard cell.bytes != nil else { return .null }
            switch cell.dataType {
            case .int2, .int4, .int8: return .integer(try cell.decode(Int.self))
            case .float4, .float8, .numeric: return .real(try cell.decode(Double.self))
            case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
            case .timestamp, .timestamptz: return .text(OptunaTimestamp.format(try cell.decode(Date.self)))
            case .text, .varchar, .name, .bpchar: return .text(try cell.decode(String.self))
            default:
                // Optuna's enum types (trialstate, …) have OIDs of their own; their wire form, text
                // or binary, is the label's bytes.
                var bytes = cell.bytes ?? ByteBuffer()
                return .text(bytes.readString(length: bytes.readableBytes) ?? "")
            }
        }
    }
}
