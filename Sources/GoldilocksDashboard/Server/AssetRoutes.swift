import HTTPTypes
import Hummingbird

/// `GET /`, `/app.js`, `/style.css`: the page and its two files, from the fixed asset table.
struct AssetRoutes {
    let state: DashboardState

    func add(to router: Router<BasicRequestContext>) {
        for file in Assets.files {
            router.get(RouterPath(file.path)) { _, _ -> Response in
                guard let asset = state.assets.byPath[file.path] else { throw HTTPError(.notFound) }
                return Response(
                    status: .ok,
                    headers: [
                        .contentType: asset.contentType,
                        .cacheControl: "no-cache",
                        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
                        // Only this server's own script runs; the SVGs are inserted as markup without scripts.
                        .contentSecurityPolicy: "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
                    ],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes)))
            }
        }
        router.get("/api/info") { _, _ -> Response in
            try Responses.json(DashboardInfo(state: state))
        }
    }
}

/// What the page needs to build its forms: the problems, optimizers and limits, and which views
/// have something to show.
struct DashboardInfo: Encodable {
    var problems: [String]
    var optimizers: [String]
    var hasRuns: Bool
    var logDirectory: String?
    var hasStudies: Bool
    var limits: [String: Int]

    init(state: DashboardState) {
        problems = PlaygroundProblem.names
        optimizers = ["SGD", "Adam", "AdamW", "RMSprop", "Adagrad"]
        hasRuns = state.runs != nil
        logDirectory = state.configuration.logDirectory
        hasStudies = state.studies != nil
        let limits = state.limits
        self.limits = [
            "runs": limits.runs, "analytic_steps": limits.analyticSteps, "epochs": limits.epochs,
            "hidden_layers": limits.hiddenLayers, "hidden_width": limits.hiddenWidth, "schedule_steps": limits.scheduleSteps,
            "overlaid_runs": limits.overlaidRuns, "request_bytes": limits.requestBytes,
        ]
    }

    enum CodingKeys: String, CodingKey {
        case problems, optimizers, hasRuns = "has_runs", logDirectory = "logdir", hasStudies = "has_studies", limits
    }
}
