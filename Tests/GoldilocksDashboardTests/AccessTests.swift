import Foundation
import GoldilocksDashboard
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Who may use the dashboard")
struct AccessTests {
    static let token = "s3cret-token-0123456789"

    @Test("a host other machines can reach is refused without a token")
    func exposedHostNeedsToken() throws {
        #expect(throws: DashboardError.exposedWithoutToken(host: "0.0.0.0")) {
            try DashboardConfiguration(host: "0.0.0.0").validate()
        }
        try DashboardConfiguration(host: "0.0.0.0", token: Self.token).validate()
        try DashboardConfiguration(host: "127.0.0.1").validate()
        try DashboardConfiguration(host: "::1").validate()
    }

    @Test("a token too short or with characters a cookie cannot carry is refused")
    func badTokens() {
        for token in ["short", "has spaces in it, 1234567890", "semi;colon-0123456789"] {
            #expect(throws: DashboardError.badToken) { try DashboardConfiguration(token: token).validate() }
        }
    }

    @Test("a missing log folder and a bad port are refused before binding")
    func badOptions() {
        #expect(throws: DashboardError.logDirectoryMissing("/no/such/folder")) {
            try DashboardConfiguration(logDirectory: "/no/such/folder").validate()
        }
        #expect(throws: DashboardError.badPort(70_000)) { try DashboardConfiguration(port: 70_000).validate() }
    }

    @Test("with a token, every request without it is refused, the page and the API alike")
    func tokenRequired() async throws {
        try await withDashboard(DashboardConfiguration(token: Self.token)) { client in
            for uri in ["/", "/app.js", "/api/info", "/api/runs"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .unauthorized, "\(uri)")
                    #expect(response.errorMessage.contains("token"))
                }
            }
            try await client.execute(uri: "/api/info", method: .get, headers: [.authorization: "Bearer wrong-token-0123456789"]) {
                #expect($0.status == .unauthorized)
            }
        }
    }

    @Test("the token works as a bearer header, as X-Goldilocks-Token, and as the cookie a first visit sets")
    func tokenAccepted() async throws {
        try await withDashboard(DashboardConfiguration(token: Self.token)) { client in
            try await client.execute(uri: "/api/info", method: .get, headers: [.authorization: "Bearer \(Self.token)"]) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/api/info", method: .get, headers: [HTTPField.Name("X-Goldilocks-Token")!: Self.token]) {
                #expect($0.status == .ok)
            }
            let cookie = try await client.execute(uri: "/?token=\(Self.token)", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/")
                return response.headers[.setCookie] ?? ""
            }
            #expect(cookie.hasPrefix("goldilocks_token=\(Self.token)"))
            #expect(cookie.contains("HttpOnly"))
            try await client.execute(uri: "/api/info", method: .get, headers: [.cookie: "goldilocks_token=\(Self.token)"]) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/?token=nope-nope-nope-nope", method: .get) { #expect($0.status == .unauthorized) }
        }
    }

    @Test("only the page's own three files are served: no path reaches the disk")
    func noTraversal() async throws {
        try await withDashboard { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text.contains("<title>Goldilocks"))
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            }
            for uri in ["/../Package.swift", "/%2e%2e/Package.swift", "/Assets/app.js", "/etc/passwd", "/app.js/../../Package.swift"] {
                try await client.execute(uri: uri, method: .get) { #expect($0.status == .notFound, "\(uri)") }
            }
        }
    }

    @Test("a body over the limit is refused with 413 before it is read")
    func requestSizeLimit() async throws {
        var configuration = DashboardConfiguration()
        configuration.limits.requestBytes = 1_000
        try await withDashboard(configuration) { client in
            let big = #"{"spec":""# + String(repeating: " ", count: 5_000) + #"","steps":10}"#
            try await client.execute(uri: "/api/schedule", method: .post, body: json(big)) {
                #expect($0.status == .contentTooLarge)
            }
        }
    }
}
