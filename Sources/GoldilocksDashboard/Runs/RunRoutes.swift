import Foundation
import GoldilocksLogs
import Hummingbird

/// `GET /api/runs` (the runs under `--logdir`), `GET /api/runs/view?run=A&run=B` (charts and
/// diagnoses, runs overlaid) and `GET /api/runs/stream?run=A` (a `changed` event whenever the
/// runs' files change, so the page redraws a run while it is being written).
struct RunRoutes {
    let state: DashboardState

    /// How often a stream looks at the files, and how long it lasts at most (the page reopens it).
    static let pollInterval = Duration.seconds(1)
    static let streamLifetime = Duration.seconds(3_600)

    struct Listing: Encodable {
        var logdir: String?
        var runs: [String]
    }

    func add(to router: Router<BasicRequestContext>) {
        router.get("/api/runs") { _, _ -> Response in
            guard let directory = state.runs else { return try Responses.json(Listing(logdir: nil, runs: [])) }
            let names = await offServer { directory.runs().map(\.name) }
            return try Responses.json(Listing(logdir: directory.root, runs: names))
        }

        router.get("/api/runs/view") { request, _ -> Response in
            let runs = try await named(request)
            let logY = flag(request, "log_y", default: true)
            let smoothing = request.uri.queryParameters["smooth"].flatMap { Double(String($0)) }.map { min(max($0, 0), 0.99) } ?? 0
            let limits = state.limits
            let key = runs.map(\.name).joined(separator: "\u{0}") + "|\(logY)|\(smoothing)"
            let fingerprint = await offServer { runs.map(RunDirectory.fingerprint(of:)) }
            if let body = state.runsCache.body(for: key, fingerprint: fingerprint) { return Responses.json(body: body) }
            let view = await offServer {
                RunsView(runs, logY: logY, smoothing: smoothing, byteLimit: limits.logBytes, maxPoints: limits.drawnPoints)
            }
            let body = Data(try Responses.jsonText(view).utf8)
            state.runsCache.store(body, for: key, fingerprint: fingerprint)
            return Responses.json(body: body)
        }

        router.get("/api/runs/stream") { request, _ -> Response in
            let runs = try await named(request)
            return Responses.eventStream { send in
                var last = await offServer { runs.map(RunDirectory.fingerprint(of:)) }
                let clock = ContinuousClock()
                let end = clock.now + Self.streamLifetime
                try await send("ready", "{}")
                while clock.now < end {
                    try await Task.sleep(for: Self.pollInterval)
                    let now = await offServer { runs.map(RunDirectory.fingerprint(of:)) }
                    // A ping each time as well: a write to a page that went away fails and ends the loop.
                    try await send(now == last ? "ping" : "changed", "{}")
                    last = now
                }
            }
        }
    }

    /// The runs `?run=` names (one or more), each as the listing names it; 404 for any other.
    private func named(_ request: Request) async throws -> [LogRun] {
        guard let directory = state.runs else {
            throw HTTPError(.notFound, message: "no runs: start `goldilocks serve` with --logdir DIR")
        }
        let names = request.uri.queryParameters[values: "run"].map(String.init)
        guard !names.isEmpty else { throw HTTPError(.badRequest, message: "name one or more runs with ?run=NAME") }
        guard names.count <= state.limits.overlaidRuns else {
            throw HTTPError(.badRequest, message: "\(names.count) runs are more than one chart overlays (at most \(state.limits.overlaidRuns))")
        }
        let listed = await offServer { directory.runs() }
        return try names.map { name in
            guard let run = listed.first(where: { $0.name == name }) else {
                throw HTTPError(.notFound, message: "no run named \"\(name)\" under \(directory.root)")
            }
            return run
        }
    }
}

