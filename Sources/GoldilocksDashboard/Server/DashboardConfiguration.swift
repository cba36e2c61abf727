import Foundation

/// Where the dashboard listens, what it shows and who may use it: `goldilocks serve`'s options.
public struct DashboardConfiguration: Sendable, Equatable {
    /// The address to bind; 127.0.0.1 by default, so only this machine can reach it.
    public var host: String = "127.0.0.1"
    /// The port; 0 picks a free one (the address printed says which).
    public var port: Int = 8080
    /// The folder whose runs the runs view shows; nothing outside it is read.
    public var logDirectory: String?
    /// The secret every request must carry (header `Authorization: Bearer T`, `X-Goldilocks-Token`,
    /// or the cookie a first visit with `?token=T` sets). Required for any host but loopback.
    public var token: String?
    /// The most work one request may ask for.
    public var limits = DashboardLimits()

    /// The defaults: 127.0.0.1:8080, no log folder, no token.
    public init(host: String = "127.0.0.1", port: Int = 8080, logDirectory: String? = nil, token: String? = nil) {
        self.host = host
        self.port = port
        self.logDirectory = logDirectory
        self.token = token
    }

    /// Whether `host` can only be reached from this machine.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }

    /// Checks the options before anything is bound or read.
    public func validate() throws(DashboardError) {
        guard (0...65_535).contains(port) else { throw .badPort(port) }
        if let token {
            let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
            guard (16...256).contains(token.count), token.allSatisfy(allowed.contains) else { throw .badToken }
        } else if !Self.isLoopback(host) {
            throw .exposedWithoutToken(host: host)
        }
        if let logDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: logDirectory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .logDirectoryMissing(logDirectory)
            }
        }
    }
}
