import Hummingbird

/// `POST /api/schedule` with `{"spec": "<JSON text>", "steps": N}`: the curve of a schedule in
/// any dialect, or a 400 with the spec's own error (which names the parameter to change).
struct ScheduleRoutes {
    let state: DashboardState

    func add(to router: Router<BasicRequestContext>) {
        router.post("/api/schedule") { request, _ -> Response in
            let body = try await Responses.decode(SchedulePreview.Request.self, from: request, limit: state.limits.requestBytes)
            let limits = state.limits
            do {
                let preview = try await offServerThrowing({
                    try SchedulePreview(body, stepLimit: limits.scheduleSteps, maxPoints: limits.drawnPoints)
                })
                return try Responses.json(preview)
            } catch {
                throw HTTPError(.badRequest, message: String(describing: error))
            }
        }
    }
}
