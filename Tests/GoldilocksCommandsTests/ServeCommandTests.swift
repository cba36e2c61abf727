import ArgumentParser
@testable import GoldilocksCommands
import GoldilocksDashboard
import Testing

@Suite("goldilocks serve")
struct ServeCommandTests {
    @Test("defaults to 127.0.0.1:8080 with no token")
    func defaults() throws {
        let command = try #require(try GoldilocksCommand.parseAsRoot(["serve"]) as? ServeCommand)
        let configuration = command.dashboardConfiguration()
        #expect(configuration.host == "127.0.0.1" && configuration.port == 8080 && configuration.token == nil)
    }

    @Test("refuses another host without --token, and takes it with one")
    func exposedHost() throws {
        #expect(throws: (any Error).self) { try GoldilocksCommand.parseAsRoot(["serve", "--host", "0.0.0.0"]) }
        #expect(throws: Never.self) {
            try GoldilocksCommand.parseAsRoot(["serve", "--host", "0.0.0.0", "--token", "0123456789abcdef"])
        }
    }

    @Test("--storage and --studies are two sources for one view: not both")
    func oneStudySource() {
        #expect(throws: Never.self) { try GoldilocksCommand.parseAsRoot(["serve", "--storage", "sqlite:study.db"]) }
        #expect(throws: (any Error).self) {
            try GoldilocksCommand.parseAsRoot(["serve", "--storage", "sqlite:study.db", "--studies", "studies.json"])
        }
    }

    @Test("refuses a missing --logdir and a port out of range")
    func badOptions() {
        #expect(throws: (any Error).self) { try GoldilocksCommand.parseAsRoot(["serve", "--logdir", "/no/such/folder"]) }
        #expect(throws: (any Error).self) { try GoldilocksCommand.parseAsRoot(["serve", "--port", "-1"]) }
    }
}
