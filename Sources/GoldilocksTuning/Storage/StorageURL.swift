import Foundation
import NIOSSL
import PostgresNIO

/// TLS to a PostgreSQL server, as libpq's `sslmode` names it.
public enum PostgresTLS: String, Sendable, Equatable, CaseIterable {
    /// Plain TCP.
    case disable
    /// TLS when the server offers it, plain TCP otherwise; the certificate is not checked (libpq's
    /// default).
    case prefer
    /// TLS or no connection; the certificate is not checked.
    case require
    /// TLS with the certificate checked against the system's roots, host name not checked.
    case verifyCA = "verify-ca"
    /// TLS with the certificate and the host name checked.
    case verifyFull = "verify-full"
}

/// Where a study storage lives, parsed from its URL.
public enum StorageURL: Sendable, Equatable {
    /// A SQLite file: `sqlite:PATH`, or `sqlite:///PATH` as SQLAlchemy and Optuna spell it
    /// (`sqlite:///study.db` is relative, `sqlite:////tmp/study.db` absolute).
    case sqlite(path: String)
    /// A PostgreSQL database: `postgresql://user[:password]@host[:port]/database[?sslmode=MODE]` (or
    /// `postgres://`, or Optuna's `postgresql+psycopg2://`); the port defaults to 5432 and TLS to
    /// libpq's `prefer`.
    case postgresql(user: String, password: String?, host: String, port: Int, database: String, tls: PostgresTLS = .prefer)

    /// The default storage, a file in the working folder.
    public static let defaultURL = "sqlite:goldilocks.db"

    /// Parses `url`; throws `StudyStorageError.badURL` saying what is wrong.
    public init(_ url: String) throws(StudyStorageError) {
        if url.hasPrefix("sqlite:") {
            var path = String(url.dropFirst("sqlite:".count))
            if path.hasPrefix("///") {
                path = String(path.dropFirst(3))
            } else if path.hasPrefix("//") {
                throw .badURL(url, reason: "a SQLite URL has no host: write sqlite:PATH or sqlite:///PATH")
            }
            guard !path.isEmpty else { throw .badURL(url, reason: "no file path after sqlite:") }
            self = .sqlite(path: path)
            return
        }
        guard let scheme = url.range(of: "://").map({ String(url[..<$0.lowerBound]) }) else {
            throw .badURL(url, reason: "no scheme")
        }
        guard ["postgresql", "postgres", "postgresql+psycopg2", "postgresql+psycopg"].contains(scheme) else {
            throw .badURL(url, reason: "unknown scheme \(scheme)")
        }
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
            throw .badURL(url, reason: "no host")
        }
        guard let user = components.user, !user.isEmpty else { throw .badURL(url, reason: "no user (postgresql://user@host/database)") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw .badURL(url, reason: "no database name after the host (postgresql://user@host/database)")
        }
        var tls = PostgresTLS.prefer
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode", let mode = item.value.flatMap(PostgresTLS.init(rawValue:)) else {
                let modes = PostgresTLS.allCases.map(\.rawValue).joined(separator: ", ")
                throw .badURL(url, reason: "the one option after ? is sslmode=\(modes)")
            }
            tls = mode
        }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw .badURL(url, reason: "port \(port) is out of range") }
        self = .postgresql(
            user: components.percentEncodedUser.flatMap { $0.removingPercentEncoding } ?? user,
            password: components.percentEncodedPassword.flatMap { $0.removingPercentEncoding },
            host: host, port: port, database: database.removingPercentEncoding ?? database, tls: tls)
    }

    /// The URL without its password, for messages.
    public var redacted: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgresql(let user, let password, let host, let port, let database, _):
            "postgresql://\(user)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)"
        }
    }
}

/// Opens the study storage `url` names (`sqlite:PATH`, `postgresql://user@host:port/database`):
/// creates Optuna's tables in an empty database, accepts one already in Optuna's schema v3.2.0.a,
/// and refuses any other with `StudyStorageError.unsupportedSchema`. A PostgreSQL server that does
/// not answer within 5 seconds gives `.unreachable`.
///
/// The storage blocks the calling thread on each call: call it from plain threads, not from a
/// SwiftNIO event loop or a Swift concurrency task.
public func openStudyStorage(url: String = StorageURL.defaultURL) throws(StudyStorageError) -> any StudyStorage {
    let location = try StorageURL(url)
    let database: any SQLDatabase
    switch location {
    case .sqlite(let path):
        database = try SQLiteDatabase(path: path)
    case .postgresql(let user, let password, let host, let port, let name, let tls):
        let configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: name, tls: try tlsConfiguration(tls))
        database = try PostgresDatabase(configuration: configuration, description: location.redacted)
    }
    do {
        let storage = try RelationalStudyStorage(database: database)
        try (database as? SQLiteDatabase)?.useWriteAheadLog()
        return storage
    } catch {
        database.close()
        throw error as? StudyStorageError ?? .database("\(error)")
    }
}

/// postgres-nio's TLS setting for `mode`.
private func tlsConfiguration(_ mode: PostgresTLS) throws(StudyStorageError) -> PostgresConnection.Configuration.TLS {
    var configuration = TLSConfiguration.makeClientConfiguration()
    switch mode {
    case .disable: return .disable
    case .prefer, .require: configuration.certificateVerification = .none
    case .verifyCA: configuration.certificateVerification = .noHostnameVerification
    case .verifyFull: configuration.certificateVerification = .fullVerification
    }
    do {
        let context = try NIOSSLContext(configuration: configuration)
        return mode == .prefer ? .prefer(context) : .require(context)
    } catch {
        throw .database("cannot set up TLS (\(error))")
    }
}
