import Foundation
import Testing
@testable import GoldilocksLogs

private struct Config: Codable, Equatable {
    var lr: Double
    var optimizer: String
}

@Test func runJSONIsReplacedWholeAndLeavesNoTemporaryFile() throws {
    let folder = try temporaryFolder()
    let url = folder.appendingPathComponent("run.json")
    try RunFile.write(Config(lr: 0.1, optimizer: "sgd"), to: url)
    try RunFile.write(Config(lr: 0.01, optimizer: "adam"), to: url)
    #expect(try JSONDecoder().decode(Config.self, from: Data(contentsOf: url)) == Config(lr: 0.01, optimizer: "adam"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["run.json"])
}
