/// Why the dashboard cannot start, or why a request was refused; the message says what to do.
///
/// A struct around a private enum (Hummingbird's shape), so cases can be added without breaking
/// callers.
public struct DashboardError: Error, CustomStringConvertible, Equatable, Sendable {
    private enum Reason: Equatable, Sendable {
        case exposedWithoutToken(host: String)
        case badToken
        case badPort(Int)
        case logDirectoryMissing(String)
    }

    private let reason: Reason

    private init(_ reason: Reason) { self.reason = reason }

    /// Binding to an address other hosts can reach needs `--token`.
    public static func exposedWithoutToken(host: String) -> DashboardError { DashboardError(.exposedWithoutToken(host: host)) }
    /// The token has characters a cookie cannot carry, or is too short to guard anything.
    public static let badToken = DashboardError(.badToken)
    /// A port outside 0…65535.
    public static func badPort(_ port: Int) -> DashboardError { DashboardError(.badPort(port)) }
    /// `--logdir` is not a folder.
    public static func logDirectoryMissing(_ path: String) -> DashboardError { DashboardError(.logDirectoryMissing(path)) }

    public var description: String {
        switch reason {
        case .exposedWithoutToken(let host):
            "refusing to serve on \(host) without --token: other machines could reach the dashboard and run work on it; "
                + "give --token with a secret of your own, or keep the default --host 127.0.0.1"
        case .badToken:
            "--token must be 16 to 256 characters of letters, digits and - . _ ~ (it travels in a cookie and a header)"
        case .badPort(let port):
            "--port must be 0 to 65535 (0 picks a free port), not \(port)"
        case .logDirectoryMissing(let path):
            "--logdir \(path): no such folder"
        }
    }
}
