import Foundation
import Testing
@testable import GoldilocksLogs

private func formats(_ name: String) throws -> String {
    try fixturesFolder().appendingPathComponent("formats").appendingPathComponent(name).path
}

/// A copy of fixture folders under new names in a fresh folder.
private func folder(with copies: [String: String]) throws -> URL {
    let root = try temporaryFolder()
    for (name, source) in copies {
        let target = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: try formats(source), toPath: target.path)
    }
    return root
}

@Test func aFolderOfSeveralRunsIsAnErrorThatListsThem() throws {
    let path = try formats("several")
    #expect(try LossLog.runs(at: path).map(\.name) == ["a", "b", "c"])
    #expect(throws: LogError.severalRuns(path: path, runs: ["a", "b", "c"])) { try LossLog.read(path) }
    let message = LogError.severalRuns(path: "runs", runs: ["a", "b", "c"]).description
    #expect(message == "runs holds 3 runs: a, b, c; name one (e.g. runs/a), or pass --all")
}

@Test func eachRunOfAFolderReadsOnItsOwn() throws {
    let runs = try LossLog.runs(at: try formats("several"))
    let logs = try runs.map { try $0.read() }
    #expect(logs.map(\.loss.name) == ["train/loss", "train/loss", "train/loss"])
    #expect(logs.allSatisfy { $0.steps == Array(0..<20) && $0.validation?.steps == [9, 19] })
    #expect(Set(logs.map { $0.learningRate?.values.first ?? 0 }).count == 3)
}

@Test func runsOfEveryKindAreFoundAndKerasPhasesStayInTheirRun() throws {
    let root = try folder(with: [
        "keras": "keras", "lightning_logs/version_0": "lightning/version_0", "lightning_logs/version_1": "lightning/version_0",
        "hf": "transformers", "ours": "goldilocks", "pytorch": "pytorch",
    ])
    try Data("not a log".utf8).write(to: root.appendingPathComponent("notes.txt"))
    let runs = try LossLog.runs(at: root.path)
    #expect(runs.map(\.name) == ["hf", "keras", "lightning_logs/version_0", "lightning_logs/version_1", "ours", "pytorch"])
    let losses = try runs.map { try $0.read().loss.name }
    #expect(losses == ["loss", "train/epoch_loss", "train_loss", "train_loss", "loss", "train/loss"])
}

@Test func aFolderHoldingOneRunBelowItReadsThatRun() throws {
    let root = try folder(with: ["lightning_logs/version_0": "lightning/version_0"])
    #expect(try LossLog.read(root.path).loss.name == "train_loss")
}

@Test func severalGoldilocksRunFoldersAreSeveralRuns() throws {
    let root = try folder(with: ["digits-0.01": "goldilocks", "digits-0.1": "goldilocks"])
    #expect(throws: LogError.severalRuns(path: root.path, runs: ["digits-0.01", "digits-0.1"])) { try LossLog.read(root.path) }
}

@Test func aFolderWithoutLogsSaysWhatItLookedFor() throws {
    let root = try temporaryFolder()
    try FileManager.default.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
    #expect(throws: LogError.noLogs(path: root.path)) { try LossLog.read(root.path) }
    #expect(throws: LogError.io(path: root.path + "/nope", reason: "no such file or folder")) { try LossLog.read(root.path + "/nope") }
}

@Test func aRunFolderWhoseCSVsLackTheColumnFallsBackToItsEventFiles() throws {
    let root = try folder(with: ["run": "goldilocks"])
    // grad_norm is in metrics.csv; an event-only tag shows the fallback: drop the CSVs' column by asking
    // for a tag only TensorBoard has.
    let log = try LossLog.read(root.appendingPathComponent("run").path, column: "grad_norm")
    #expect(log.loss.name == "grad_norm" && log.steps == Array(0..<12))
    #expect(throws: LogError.self) { try LossLog.read(root.appendingPathComponent("run").path, column: "top5") }
}

@Test func aDamagedEpochsCSVIsAnErrorNamingIt() throws {
    let root = try folder(with: ["run": "goldilocks"])
    let epochs = root.appendingPathComponent("run/epochs.csv")
    try Data("step,epoch,train_loss,val_loss\n3,0,1.0,oops\n".utf8).write(to: epochs)
    #expect(throws: LogError.badCell(file: epochs.path, line: 2, column: "val_loss", value: "oops")) {
        try LossLog.read(root.appendingPathComponent("run").path)
    }
}
