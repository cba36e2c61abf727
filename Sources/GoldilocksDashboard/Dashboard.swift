import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The web dashboard: the learning-rate playground, the runs under a log folder, studies and
/// schedules, served by Hummingbird.
///
/// ```swift
/// let app = try Dashboard.application(DashboardConfiguration(port: 8080, logDirectory: "runs")) { address in
///     print("Goldilocks dashboard at \(address)")
/// }
/// try await app.runService()
/// ```
public enum Dashboard {
    /// The router with every route, for tests (`app.test(.router)`) and for embedding; checks the
    /// configuration first. `studies` feeds the studies view; without it the view says how to
    /// get one.
    public static func router(
        _ configuration: DashboardConfiguration, studies: (any StudyBrowser)? = nil
    ) throws(DashboardError) -> Router<BasicRequestContext> {
        try configuration.validate()
        let state = DashboardState(configuration: configuration, studies: studies)
        let router = Router()
        router.add(middleware: AccessMiddleware(token: configuration.token))
        AssetRoutes(state: state).add(to: router)
        PlaygroundRoutes(state: state).add(to: router)
        RunRoutes(state: state).add(to: router)
        ScheduleRoutes(state: state).add(to: router)
        StudyRoutes(state: state).add(to: router)
        return router
    }

    /// The application, bound as `configuration` says; `onRunning` receives the address to open
    /// (with `?token=` when there is a token) once the server listens.
    public static func application(
        _ configuration: DashboardConfiguration, studies: (any StudyBrowser)? = nil,
        onRunning: @escaping @Sendable (String) async -> Void = { _ in }
    ) throws(DashboardError) -> some ApplicationProtocol {
        let router = try router(configuration, studies: studies)
        var logger = Logger(label: "goldilocks-dashboard")
        logger.logLevel = .warning
        let token = configuration.token
        let host = configuration.host
        return Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: configuration.port), serverName: "goldilocks"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
                await onRunning("http://\(shown):\(port)/" + (token.map { "?token=\($0)" } ?? ""))
            },
            logger: logger)
    }
}

/// What every route shares: the configuration, the runs folder, the studies source, the assets
/// and the limiter of heavy jobs.
final class DashboardState: Sendable {
    let configuration: DashboardConfiguration
    let studies: (any StudyBrowser)?
    let runs: RunDirectory?
    let assets = Assets()
    let jobs: WorkLimiter
    let runsCache = RunsViewCache()

    var limits: DashboardLimits { configuration.limits }

    init(configuration: DashboardConfiguration, studies: (any StudyBrowser)?) {
        self.configuration = configuration
        self.studies = studies
        runs = configuration.logDirectory.map(RunDirectory.init(root:))
        jobs = WorkLimiter(limit: configuration.limits.concurrentJobs)
    }
}

/// A query parameter read as a flag: `1`, `true`, `yes` or `on` (anything else is false).
func flag(_ request: Request, _ name: String, default fallback: Bool) -> Bool {
    guard let value = request.uri.queryParameters[name[...]] else { return fallback }
    return ["1", "true", "yes", "on"].contains(value.lowercased())
}
