import Foundation
import Hummingbird

/// One picture of the playground: the runs with their verdicts and the charts drawn from them.
struct PlaygroundFrame: Encodable {
    var runs: [PlaygroundRun]
    var loss: ChartPayload
    var landscape: ChartPayload?
    var finished: Bool
    var failure: String?

    init(_ snapshot: (runs: [PlaygroundRun], version: Int, finished: Bool, failure: String?), playground: Playground, logY: Bool, maxPoints: Int) {
        runs = snapshot.runs
        let title = "\(playground.request.problem == "x2" ? "x²" : playground.request.problem): loss per step"
        loss = ChartPayload(PlaygroundFigures.loss(snapshot.runs, logY: logY, title: title), maxPoints: maxPoints)
        landscape = playground.landscapeFunction
            .flatMap { PlaygroundFigures.landscape(snapshot.runs, function: $0, start: playground.start) }
            .map { ChartPayload($0, maxPoints: maxPoints) }
        finished = snapshot.finished
        failure = snapshot.failure
    }
}

/// `POST /api/playground` (the whole result at once), `GET /api/playground/stream?request=JSON`
/// (server-sent `frame` events as the runs play, then `done`), and `POST /api/playground/find`
/// (the range test).
struct PlaygroundRoutes {
    let state: DashboardState

    /// How long the runs on a function take to play on the page.
    static let playback = Duration.milliseconds(2_500)
    /// How often a stream looks for new steps.
    static let frameInterval = Duration.milliseconds(120)

    func add(to router: Router<BasicRequestContext>) {
        router.post("/api/playground") { request, _ -> Response in
            let body = try await Responses.decode(PlaygroundRequest.self, from: request, limit: state.limits.requestBytes)
            let playground = try await checked(body)
            let progress = PlaygroundProgress(learningRates: playground.request.learningRates)
            try acquire()
            await offServer(background: true) {
                defer { state.jobs.release() }
                playground.run(into: progress)
            }
            let logY = flag(request, "log_y", default: true)
            let frame = await offServer { PlaygroundFrame(progress.snapshot(), playground: playground, logY: logY, maxPoints: state.limits.drawnPoints) }
            return try Responses.json(frame)
        }

        router.get("/api/playground/stream") { request, _ -> Response in
            guard let text = request.uri.queryParameters["request"] else {
                throw HTTPError(.badRequest, message: "give the playground request as ?request=JSON")
            }
            guard text.utf8.count <= state.limits.requestBytes else {
                throw HTTPError(.contentTooLarge, message: "the request is over \(state.limits.requestBytes) bytes")
            }
            let playground = try await checked(Responses.decode(PlaygroundRequest.self, from: Data(text.utf8), what: "?request="))
            let logY = flag(request, "log_y", default: true)
            let progress = PlaygroundProgress(learningRates: playground.request.learningRates)
            try acquire()
            let worker = Thread {
                defer { state.jobs.release() }
                WorkerPriority.lower()
                playground.run(into: progress, playback: Self.playback)
            }
            worker.stackSize = 4 << 20
            worker.start()
            let maxPoints = state.limits.drawnPoints
            return Responses.eventStream { send in
                var shown = -1
                do {
                    while true {
                        let snapshot = progress.snapshot()
                        if snapshot.version != shown {
                            shown = snapshot.version
                            let frame = await offServer { PlaygroundFrame(snapshot, playground: playground, logY: logY, maxPoints: maxPoints) }
                            try await send("frame", Responses.jsonText(frame))
                        }
                        if snapshot.finished { break }
                        try await Task.sleep(for: Self.frameInterval)
                    }
                    try await send("done", "{}")
                } catch {
                    // The page went away: stop the runs at their next step.
                    progress.cancel()
                    throw error
                }
            }
        }

        // The checks alone, for a page whose stream was refused (EventSource cannot read why).
        router.post("/api/playground/check") { request, _ -> Response in
            let body = try await Responses.decode(PlaygroundRequest.self, from: request, limit: state.limits.requestBytes)
            _ = try await checked(body)
            guard state.jobs.tryAcquire() else { throw HTTPError(.serviceUnavailable, message: PlaygroundError.busy.description) }
            state.jobs.release()
            return try Responses.json(["ok": true])
        }

        router.post("/api/playground/find") { request, _ -> Response in
            let body = try await Responses.decode(PlaygroundRequest.self, from: request, limit: state.limits.requestBytes)
            let playground = try await checked(body)
            try acquire()
            let result = await offServer(background: true) { () -> Result<PlaygroundRangeTestResult, PlaygroundError> in
                defer { state.jobs.release() }
                return Result { () throws(PlaygroundError) in try playground.rangeTest() }
            }
            switch result {
            case .success(let found): return try Responses.json(found)
            case .failure(let error): throw HTTPError(.badRequest, message: error.description)
            }
        }
    }

    /// The request checked against the limits, or a 400 that says what to change. Off the
    /// server's threads: a data set is loaded and its networks built here.
    private func checked(_ request: PlaygroundRequest) async throws -> Playground {
        let limits = state.limits
        let result = await offServer { () -> Result<Playground, PlaygroundError> in
            Result { () throws(PlaygroundError) in try Playground(request, limits: limits) }
        }
        switch result {
        case .success(let playground): return playground
        case .failure(let error): throw HTTPError(.badRequest, message: error.description)
        }
    }

    /// A worker slot, or a 503 that says to try again.
    private func acquire() throws {
        guard state.jobs.tryAcquire() else {
            throw HTTPError(.serviceUnavailable, message: PlaygroundError.busy.description)
        }
    }
}
