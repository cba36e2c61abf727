import ArgumentParser
import Foundation
@testable import GoldilocksCommands
import GoldilocksDiagnosis
import GoldilocksLogs
import Testing

/// A CSV loss log in a temporary file.
private func logFile(_ losses: [Double]) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("diagnose-\(UUID().uuidString).csv").path
    let rows = losses.enumerated().map { "\($0),\($1.isNaN ? "nan" : String($1))" }
    try (["step,loss"] + rows).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

@Test func aLogThatTurnsNaNIsDiagnosedAsDivergedWithTheHundredfoldCut() throws {
    // Falling for 30 steps, then exploding by 10× a step, then NaN.
    var losses: [Double] = (0..<30).map { 2 / Double($0 + 1) }
    losses += (30..<35).map { pow(10.0, Double($0 - 28)) }
    losses += [Double](repeating: .nan, count: 5)
    let path = try logFile(losses)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let diagnosis = try diagnose(try LossLog.read(path))
    #expect(diagnosis.verdict == .diverged)
    #expect(diagnosis.learningRateFactor == 0.01)
}

@Test func diagnoseNeedsAReadableLog() throws {
    let command = try GoldilocksCommand.parseAsRoot(["diagnose", "/no/such/log.csv"])
    #expect(throws: (any Error).self) { try (command as? DiagnoseCommand)?.run() }
}
