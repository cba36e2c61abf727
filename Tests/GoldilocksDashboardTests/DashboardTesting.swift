import Foundation
import GoldilocksDashboard
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// Runs `body` against the dashboard's router, without opening a port.
func withDashboard(
    _ configuration: DashboardConfiguration = DashboardConfiguration(), studies: (any StudyBrowser)? = nil,
    _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
) async throws {
    let app = Application(router: try Dashboard.router(configuration, studies: studies))
    try await app.test(.router) { client in try await body(client) }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body parsed as a JSON object.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// The message of a `{"error": {"message": …}}` body.
    var errorMessage: String {
        ((object["error"] as? [String: Any])?["message"] as? String) ?? ""
    }
}

/// A JSON body.
func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

/// A folder with one goldilocks-style run (`metrics.csv` with a loss, a learning rate and a
/// guard rescue) and returns its path; removed by the caller.
func makeRunFolder(rescueAt rescue: Int? = nil, steps: Int = 40) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("dashboard-runs-\(UUID().uuidString)")
    let run = root.appendingPathComponent("first")
    try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
    var text = "step,loss,lr,guard_rescue\n"
    for step in 0..<steps {
        // A loss falling as 2/(1+step): a healthy, converging run.
        text += "\(step),\(2.0 / Double(1 + step)),0.01,\(step == rescue ? "0.1" : "")\n"
    }
    try text.write(to: run.appendingPathComponent("metrics.csv"), atomically: true, encoding: .utf8)
    return root
}
