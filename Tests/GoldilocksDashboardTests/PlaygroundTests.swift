import Foundation
import GoldilocksDashboard
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The playground")
struct PlaygroundTests {
    @Test("x² with plain gradient descent is the demo, with the demo's labels and numbers")
    func parabolaIsTheDemo() async throws {
        try await withDashboard { client in
            try await client.execute(uri: "/api/playground", method: .post, body: json(#"{"problem":"x2","lrs":[0.001,0.1,1.1]}"#)) { response in
                #expect(response.status == .ok)
                let runs = response.object["runs"] as? [[String: Any]] ?? []
                #expect(runs.map { $0["label"] as? String } == ["too small", "just right", "exploded at epoch 30"])
                #expect(runs.map { $0["verdict"] as? String } == ["too_small", "just_right", "too_large"])
                // 5·0.998⁵⁰ = 4.524…, squared 20.46 (README's demo table); 1.1 stops at epoch 30: 31 points.
                let last = runs.first?["last_loss"] as? Double ?? 0
                #expect(abs(last - pow(5 * pow(0.998, 50), 2)) < 1e-9)
                #expect(runs.map { $0["step_count"] as? Int } == [51, 51, 31])
                let loss = response.object["loss"] as? [String: Any] ?? [:]
                #expect((loss["svg"] as? String)?.contains("lr=0.1 (just right)") == true)
                #expect((loss["y"] as? [String: Any])?["scale"] as? String == "log")
                #expect(response.object["landscape"] == nil)
            }
        }
    }

    @Test("a 2-D landscape draws every run's path over contour lines and diagnoses each run")
    func landscape() async throws {
        try await withDashboard { client in
            let body = #"{"problem":"rosenbrock","optimizer":{"name":"Adam"},"lrs":[0.02,0.5],"steps":200}"#
            try await client.execute(uri: "/api/playground", method: .post, body: json(body)) { response in
                #expect(response.status == .ok)
                let runs = response.object["runs"] as? [[String: Any]] ?? []
                #expect(runs.count == 2)
                #expect(runs.allSatisfy { ($0["verdict"] as? String).map { !$0.isEmpty } == true && $0["fix"] != nil })
                let svg = ((response.object["landscape"] as? [String: Any])?["svg"] as? String) ?? ""
                #expect(svg.contains(#"class="contour""#))
                #expect(svg.components(separatedBy: #"class="points""#).count - 1 == 2)
            }
        }
    }

    @Test("the stream sends frames as the runs play, then done")
    func stream() async throws {
        try await withDashboard { client in
            let request = #"{"problem":"x2","lrs":[0.1,1.1],"steps":20}"#
            let query = request.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            try await client.execute(uri: "/api/playground/stream?request=\(query)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/event-stream")
                let frames = response.text.components(separatedBy: "event: frame\n").count - 1
                #expect(frames >= 2)
                #expect(response.text.hasSuffix("event: done\ndata: {}\n\n"))
                #expect(response.text.contains(#""label":"just right""#))
            }
        }
    }

    @Test("find my learning rate runs the range test and returns each rule's suggestion on the curve")
    func rangeTest() async throws {
        try await withDashboard { client in
            try await client.execute(uri: "/api/playground/find", method: .post, body: json(#"{"problem":"x2","lrs":[0.1]}"#)) { response in
                #expect(response.status == .ok)
                let picks = response.object["suggestions"] as? [[String: Any]] ?? []
                #expect(picks.contains { $0["method"] as? String == "valley" })
                // Gradient descent on x² converges for 0 < lr < 1: every suggestion lies there.
                #expect(picks.allSatisfy { (($0["lr"] as? Double) ?? 0) > 0 && (($0["lr"] as? Double) ?? 9) < 1 })
                let svg = ((response.object["chart"] as? [String: Any])?["svg"] as? String) ?? ""
                #expect(svg.contains("valley"))
            }
        }
    }

    @Test("a bundled data set trains a small network at each learning rate, with the diagnosis' verdicts")
    func dataSet() async throws {
        try await withDashboard { client in
            let body = #"{"problem":"moons","lrs":[0.01,0.1],"steps":2,"model":[16]}"#
            try await client.execute(uri: "/api/playground", method: .post, body: json(body)) { response in
                #expect(response.status == .ok)
                let runs = response.object["runs"] as? [[String: Any]] ?? []
                #expect(runs.count == 2)
                // 800 training rows in batches of 32: 25 steps an epoch.
                #expect(runs.allSatisfy { $0["step_count"] as? Int == 50 && $0["finished"] as? Bool == true })
            }
        }
    }

    @Test(
        "requests beyond the limits are refused with a message before any work",
        arguments: [
            (#"{"problem":"x2","lrs":[0.1,0.2,0.3,0.4,0.5,0.6,0.7]}"#, "at most 6"),
            (#"{"problem":"x2","lrs":[0.1],"steps":5001}"#, "at most 5000"),
            (#"{"problem":"digits","lrs":[0.1],"steps":31}"#, "at most 30"),
            (#"{"problem":"digits","lrs":[0.1],"model":[4096]}"#, "at most 3 layers of 256"),
            (#"{"problem":"digits","lrs":[0.1],"model":[8,8,8,8]}"#, "at most 3 layers"),
            (#"{"problem":"x2","lrs":[-1]}"#, "positive"),
            (#"{"problem":"x2","lrs":[]}"#, "at least one"),
            (#"{"problem":"/etc/passwd","lrs":[0.1]}"#, "unknown problem"),
            (#"{"problem":"beale","lrs":[0.1],"start":[1,2,3]}"#, "takes 2"),
            (#"{"problem":"x2","optimizer":{"name":"Adamm"},"lrs":[0.1]}"#, "Adam"),
            (#"{"problem":"quadratic","lrs":[0.1],"start":[\#((0..<101).map { _ in "1" }.joined(separator: ","))]}"#, "coordinate"),
            (#"{"problem":"x2","lrs":"0.1"}"#, "lrs"),
        ])
    func limits(body: String, message: String) async throws {
        try await withDashboard { client in
            try await client.execute(uri: "/api/playground", method: .post, body: json(body)) { response in
                #expect(response.status == .badRequest)
                #expect(response.errorMessage.contains(message), "\(response.errorMessage)")
            }
        }
    }

    @Test("the progress keeps every step and cancelling stops the runs early")
    func progressAndCancel() throws {
        let playground = try Playground(
            PlaygroundRequest(problem: "x2", learningRates: [0.1], steps: 5_000), limits: DashboardLimits())
        let progress = PlaygroundProgress(learningRates: [0.1])
        progress.cancel()
        playground.run(into: progress, playback: .seconds(60))
        let snapshot = progress.snapshot()
        #expect(snapshot.finished)
        // Cancelled before the first frame: no step handed over, and it returned at once.
        #expect(snapshot.runs[0].steps.isEmpty)
    }
}
