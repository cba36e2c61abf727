import Foundation
import GoldilocksDashboard
import GoldilocksLogs
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The runs view")
struct RunsTests {
    @Test("lists the runs under --logdir and shows a run's diagnosis, rescues and charts")
    func listAndView() async throws {
        let root = try makeRunFolder(rescueAt: 12)
        defer { try? FileManager.default.removeItem(at: root) }
        try await withDashboard(DashboardConfiguration(logDirectory: root.path)) { client in
            try await client.execute(uri: "/api/runs", method: .get) { response in
                #expect(response.object["runs"] as? [String] == ["first"])
            }
            try await client.execute(uri: "/api/runs/view?run=first", method: .get) { response in
                #expect(response.status == .ok)
                let run = (response.object["runs"] as? [[String: Any]])?.first ?? [:]
                #expect(run["steps"] as? Int == 40)
                #expect(run["rescues"] as? [Int] == [12])
                #expect(run["verdict"] as? String != nil)
                let svg = ((response.object["loss"] as? [String: Any])?["svg"] as? String) ?? ""
                #expect(svg.contains("rescue (first)"))
                #expect(response.object["lr"] != nil)
            }
        }
    }

    @Test("a run that grows is read again: the cached view lasts only while its files are unchanged")
    func cacheFollowsTheFiles() async throws {
        let root = try makeRunFolder(steps: 40)
        defer { try? FileManager.default.removeItem(at: root) }
        let metrics = root.appendingPathComponent("first/metrics.csv")
        try await withDashboard(DashboardConfiguration(logDirectory: root.path)) { client in
            func steps() async throws -> Int? {
                try await client.execute(uri: "/api/runs/view?run=first", method: .get) { response in
                    ((response.object["runs"] as? [[String: Any]])?.first?["steps"] as? Int)
                }
            }
            #expect(try await steps() == 40)
            #expect(try await steps() == 40)
            let handle = try FileHandle(forWritingTo: metrics)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((40..<50).map { "\($0),0.05,0.01,\n" }.joined().utf8))
            try handle.close()
            #expect(try await steps() == 50)
        }
    }

    @Test("a run is named by its listed name only: paths and unknown names are 404")
    func traversal() async throws {
        let root = try makeRunFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try await withDashboard(DashboardConfiguration(logDirectory: root.path)) { client in
            for name in ["../first", "/etc", "..", "first/metrics.csv", root.path + "/first"] {
                let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                try await client.execute(uri: "/api/runs/view?run=\(encoded)", method: .get) { #expect($0.status == .notFound, "\(name)") }
            }
        }
    }

    @Test("a symbolic link out of the log folder is not listed")
    func symlinkOut() throws {
        let root = try makeRunFolder()
        let outside = try makeRunFolder()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("elsewhere"), withDestinationURL: outside.appendingPathComponent("first"))
        #expect(RunDirectory(root: root.path).runs().map(\.name) == ["first"])
    }

    @Test("without --logdir the listing is empty and a view says how to get one")
    func noLogDirectory() async throws {
        try await withDashboard { client in
            try await client.execute(uri: "/api/runs/view?run=a", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.errorMessage.contains("--logdir"))
            }
        }
    }

    @Test("more runs than one chart overlays are refused")
    func overlayLimit() async throws {
        let root = try makeRunFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var configuration = DashboardConfiguration(logDirectory: root.path)
        configuration.limits.overlaidRuns = 2
        try await withDashboard(configuration) { client in
            try await client.execute(uri: "/api/runs/view?run=first&run=first&run=first", method: .get) {
                #expect($0.status == .badRequest)
            }
        }
    }

    @Test("a run larger than the byte limit is reported, not read")
    func byteLimit() async throws {
        let root = try makeRunFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var configuration = DashboardConfiguration(logDirectory: root.path)
        configuration.limits.logBytes = 100
        try await withDashboard(configuration) { client in
            try await client.execute(uri: "/api/runs/view?run=first", method: .get) { response in
                let run = (response.object["runs"] as? [[String: Any]])?.first ?? [:]
                #expect((run["error"] as? String)?.contains("more than the dashboard reads") == true)
            }
        }
    }
}
