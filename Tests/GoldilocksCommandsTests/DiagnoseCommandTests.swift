import ArgumentParser
import Foundation
@testable import GoldilocksCommands
import GoldilocksTraining
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
    let diagnosis = try LossLog.read(path).diagnosis()
    #expect(diagnosis.verdict == .diverged)
    #expect(diagnosis.learningRateFactor == 0.01)
}

@Test func diagnoseNeedsAReadableLog() throws {
    let command = try GoldilocksCommand.parseAsRoot(["diagnose", "/no/such/log.csv"])
    #expect(throws: (any Error).self) { try (command as? DiagnoseCommand)?.run() }
}

/// A steadily falling log with a validation loss and a learning rate, as a CSV file.
private func fullLogFile() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("diagnose-\(UUID().uuidString).csv").path
    var rows = ["step,train/loss,val/loss,lr"]
    for step in 0..<100 { rows.append("\(step),\(2 * exp(-Double(step) / 30)),\(step % 20 == 19 ? "1" : ""),0.01") }
    try (rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

@Test func theJSONDiagnosisKeepsEveryContractFieldAndSaysWhichSeriesWereRead() throws {
    let path = try fullLogFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let log = try LossLog.read(path)
    let diagnosis = try log.diagnosis()
    let json = try JSONSerialization.jsonObject(with: Data(try jsonString(DiagnosisReport(diagnosis: diagnosis, log: log)).utf8)) as? [String: Any]
    let plain = try JSONSerialization.jsonObject(with: Data(try jsonString(diagnosis).utf8)) as? [String: Any]
    #expect(Set(json?.keys.map { $0 } ?? []) == Set(plain?.keys.map { $0 } ?? []).union(["series"]))
    #expect(json?["series"] as? [String: String] == ["loss": "train/loss", "validation": "val/loss", "lr": "lr"])
    #expect(SeriesUsed(log).text == "loss ← train/loss (100 steps), validation ← val/loss (5 points), learning rate ← lr")
}

@Test func aLogWithoutValidationOrLearningRateSaysSoAndWritesNull() throws {
    let path = try logFile((0..<40).map { 2 / Double($0 + 1) })
    defer { try? FileManager.default.removeItem(atPath: path) }
    let log = try LossLog.read(path)
    // logFile leaves the last line without its line end, so it is left out: 39 steps.
    #expect(SeriesUsed(log).text == "loss ← loss (39 steps), no validation loss, no learning rate")
    #expect(try jsonString(SeriesUsed(log)) == #"{"loss":"loss","lr":null,"validation":null}"#)
}

@Test func diagnoseAllReportsEachRunAndAFolderOfRunsWithoutItIsAnErrorListingThem() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("diagnose-runs-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    for (name, rate) in [("a", 30.0), ("b", 3000.0)] {
        let run = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        let rows = (0..<60).map { "\($0),\(2 * exp(-Double($0) / rate)),0.1" }
        try (["step,loss,lr"] + rows).joined(separator: "\n").appending("\n")
            .write(to: run.appendingPathComponent("metrics.csv"), atomically: true, encoding: .utf8)
    }
    let single = try GoldilocksCommand.parseAsRoot(["diagnose", root.path]) as? DiagnoseCommand
    #expect(throws: LogError.self) { try single?.run() }
    #expect(throws: (any Error).self) { try GoldilocksCommand.parseAsRoot(["diagnose", root.path, "--all", "--plot", "x.svg"]) }
    let all = try GoldilocksCommand.parseAsRoot(["diagnose", root.path, "--all", "--format", "json"]) as? DiagnoseCommand
    #expect(all?.all == true)
    try all?.run()
    let reports = try LossLog.runs(at: root.path).map { run in
        let log = try run.read()
        return DiagnosisReport(run: run.name, diagnosis: try log.diagnosis(), log: log)
    }
    let json = try JSONSerialization.jsonObject(with: Data(try jsonString(["runs": reports]).utf8)) as? [String: [[String: Any]]]
    #expect(json?["runs"]?.map { $0["run"] as? String } == ["a", "b"])
    #expect(json?["runs"]?.allSatisfy { $0["verdict"] != nil && $0["series"] != nil } == true)
}
