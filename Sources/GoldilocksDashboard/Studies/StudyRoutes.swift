import Hummingbird

/// `GET /api/studies` (the names) and `GET /api/studies/view?study=NAME` (trials and charts),
/// read from the `StudyBrowser` the dashboard was given.
struct StudyRoutes {
    let state: DashboardState

    struct Listing: Encodable {
        var available: Bool
        var studies: [String]
        var message: String?
    }

    func add(to router: Router<BasicRequestContext>) {
        router.get("/api/studies") { _, _ -> Response in
            guard let studies = state.studies else {
                return try Responses.json(Listing(
                    available: false, studies: [],
                    message: "no studies source: `goldilocks serve --storage URL` shows the studies of `goldilocks tune`"))
            }
            do {
                return try Responses.json(Listing(available: true, studies: try await studies.studyNames()))
            } catch {
                throw HTTPError(.internalServerError, message: "cannot read the studies: \(error)")
            }
        }

        router.get("/api/studies/view") { request, _ -> Response in
            guard let studies = state.studies else {
                throw HTTPError(.notFound, message: "no studies source: start `goldilocks serve` with --storage URL")
            }
            guard let name = request.uri.queryParameters["study"].map(String.init), !name.isEmpty else {
                throw HTTPError(.badRequest, message: "name a study with ?study=NAME")
            }
            let trials: [StudyTrial]
            do {
                trials = try await studies.trials(of: name)
            } catch {
                throw HTTPError(.notFound, message: "\(error)")
            }
            let logY = flag(request, "log_y", default: true)
            let maxPoints = state.limits.drawnPoints
            let view = await offServer { StudyView(study: name, trials: trials, logY: logY, maxPoints: maxPoints) }
            return try Responses.json(view)
        }
    }
}
