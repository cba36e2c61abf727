import Foundation
import Testing
@testable import GoldilocksLogs

private struct SampleConfiguration: Codable, Equatable {
    var optimizer = "Adam"
    var lr = 0.003
    var epochs = 3
    var schedule = "cosine"
}

/// Writes a small but realistic run (per-step loss and lr, per-epoch validation) with `RunLogger`.
private func writeSampleRun(to folder: URL, tensorScalars: Bool = false) throws {
    let logger = try RunLogger(directory: folder, configuration: SampleConfiguration(), tensorScalars: tensorScalars)
    let stepsPerEpoch = 20
    for epoch in 0..<3 {
        for batch in 0..<stepsPerEpoch {
            let step = epoch * stepsPerEpoch + batch
            let lr = 0.003 * 0.5 * (1 + cos(Double.pi * Double(step) / 60))
            let loss = 2.3 * exp(-Double(step) / 25) + 0.1 + 0.02 * sin(Double(step))
            try logger.log(step: step, epoch: epoch, scalars: ["loss": loss, "lr": lr])
        }
        let end = (epoch + 1) * stepsPerEpoch - 1
        try logger.logEpoch(epoch: epoch, step: end, scalars: ["val_loss": 1.0 / Double(epoch + 2), "val_accuracy": 0.6 + 0.1 * Double(epoch)])
    }
    try logger.close()
}

@Test(arguments: [false, true])
func aRunLoggerRunReadsBackFromEveryLog(tensorScalars: Bool) throws {
    let folder = try temporaryFolder()
    try writeSampleRun(to: folder, tensorScalars: tensorScalars)
    let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
    #expect(names.isSuperset(of: ["run.json", "metrics.csv", "metrics.jsonl", "epochs.csv", "epochs.jsonl"]))
    #expect(names.contains { $0.hasPrefix("events.out.tfevents.") })

    let csv = try LossLog.read(folder.appendingPathComponent("metrics.csv").path)
    let jsonl = try LossLog.read(folder.appendingPathComponent("metrics.jsonl").path)
    let run = try LossLog.read(folder.path)
    #expect(run.loss == csv.loss && run.learningRate == csv.learningRate)
    #expect(run.validation?.name == "val_loss" && run.validation?.steps == [19, 39, 59])  // from epochs.csv
    let events = try LossLog.read(try EventFileReader.eventFiles(at: folder)[0].path)
    #expect(csv.steps == Array(0..<60))
    #expect(jsonl == csv)
    #expect(events.steps == csv.steps)
    #expect(events.values == csv.values.map { Double(Float($0)) })
    #expect(events.learningRate?.values == csv.learningRate?.values.map { Double(Float($0)) })
    let validation = try LossLog.read(folder.appendingPathComponent("epochs.csv").path, column: "val_loss")
    #expect(validation.steps == [19, 39, 59])
    #expect(try LossLog.read(folder.path, column: "val_loss").loss == validation.loss)
    #expect(try EventFileReader.scalars(at: folder)["val_accuracy"]?.count == 3)
    let config = try JSONDecoder().decode(SampleConfiguration.self, from: Data(contentsOf: folder.appendingPathComponent("run.json")))
    #expect(config == SampleConfiguration())
}

/// With GOLDILOCKS_EXPORT_DIR set, leaves sample runs in `$GOLDILOCKS_EXPORT_DIR/goldilocks-sample`
/// (simple_value scalars) and `goldilocks-sample-tensor` (tensor scalars) for
/// `scripts/check-tensorboard` to read with TensorBoard itself.
@Test(.enabled(if: ProcessInfo.processInfo.environment["GOLDILOCKS_EXPORT_DIR"] != nil))
func exportsASampleRunForTheTensorBoardCheck() throws {
    let root = URL(fileURLWithPath: ProcessInfo.processInfo.environment["GOLDILOCKS_EXPORT_DIR"] ?? "")
    for (name, tensorScalars) in [("goldilocks-sample", false), ("goldilocks-sample-tensor", true)] {
        let folder = root.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: folder)
        try writeSampleRun(to: folder, tensorScalars: tensorScalars)
    }
}
