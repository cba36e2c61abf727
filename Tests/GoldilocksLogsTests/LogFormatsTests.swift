import Foundation
import Testing
import TestSupport
@testable import GoldilocksLogs

/// `Fixtures/formats.json`: the logs of `Fixtures/formats/` as their own tools read them back
/// (scripts/log-fixtures: TensorBoard's EventAccumulator, pandas, json), as (step, value) pairs.
private struct FormatsFixture: Decodable {
    var versions: [String: String]
    var tensorboard: [String: [String: [[Double]]]]
    var csv: [String: [String: [[Double]]]]
    // swiftlint:disable:next identifier_name
    var trainer_state: [String: [[Double]]]
}

private func fixture() throws -> FormatsFixture {
    try loadFixture(FormatsFixture.self, named: "formats", in: .module)
}

private func formats(_ name: String) throws -> String {
    try fixturesFolder().appendingPathComponent("formats").appendingPathComponent(name).path
}

/// The (step, value) pairs with one value per step, the last logged winning (what `LossLog` reads
/// from a log that repeats a step).
private func lastPerStep(_ pairs: [[Double]]) -> (steps: [Int], values: [Double]) {
    var byStep: [Int: Double] = [:]
    for pair in pairs { byStep[Int(pair[0])] = pair[1] }
    let steps = byStep.keys.sorted()
    return (steps, steps.map { byStep[$0]! })
}

private func expectSeries(
    _ series: LogSeries?, named name: String, as pairs: [[Double]]?, sourceLocation: SourceLocation = #_sourceLocation
) {
    let expected = lastPerStep(pairs ?? [])
    #expect(series?.name == name, sourceLocation: sourceLocation)
    #expect(series?.steps == expected.steps, sourceLocation: sourceLocation)
    #expect(series?.values == expected.values, sourceLocation: sourceLocation)
}

@Test func aGoldilocksRunFolderGivesTheLossAndLearningRatePerStepAndTheValidationLossPerEpoch() throws {
    // Written by `goldilocks train --data iris --epochs 3 --log-dir`: 12 steps of 4 batches an epoch.
    let log = try LossLog.read(try formats("goldilocks"))
    #expect(log.loss.name == "loss" && log.steps == Array(0..<12))
    #expect(log.learningRate?.name == "lr" && log.learningRate?.steps == Array(0..<12))
    #expect(log.validation?.name == "val_loss" && log.validation?.steps == [3, 7, 11])
    #expect(log.validation?.values.first == 1.0103645384311677)  // epochs.csv's first val_loss
    #expect(log.notes.isEmpty)
}

@Test func aRunLoggerFolderReadsAllThreeSeries() throws {
    let folder = try temporaryFolder()
    let logger = try RunLogger(directory: folder, configuration: ["data": "toy"])
    for step in 0..<20 {
        try logger.log(step: step, epoch: step / 10, scalars: ["loss": 1 / Double(step + 1), "lr": 0.1])
        if step % 10 == 9 { try logger.logEpoch(epoch: step / 10, step: step, scalars: ["val_loss": 2 / Double(step + 1)]) }
    }
    try logger.close()
    let log = try LossLog.read(folder.path)
    #expect(log.steps == Array(0..<20) && log.learningRate?.values.count == 20)
    #expect(log.validation?.steps == [9, 19] && log.validation?.values == [0.2, 0.1])
}

@Test func pyTorchSummaryWriterTagsAreFoundAsTensorBoardReadsThem() throws {
    let expected = try #require(try fixture().tensorboard["pytorch"])
    let log = try LossLog.read(try formats("pytorch"))
    expectSeries(log.loss, named: "train/loss", as: expected["train/loss"])
    expectSeries(log.validation, named: "val/loss", as: expected["val/loss"])
    expectSeries(log.learningRate, named: "lr", as: expected["lr"])
    #expect(log.steps.count == 40 && log.validation?.steps == [9, 19, 29, 39])
}

@Test func kerasTensorBoardTrainAndValidationSubfoldersAreOneRun() throws {
    let expected = try #require(try fixture().tensorboard["keras"])
    #expect(try LossLog.runs(at: try formats("keras")).map(\.name) == ["keras"])
    let log = try LossLog.read(try formats("keras"))
    expectSeries(log.loss, named: "train/epoch_loss", as: expected["train/epoch_loss"])
    expectSeries(log.validation, named: "validation/epoch_loss", as: expected["validation/epoch_loss"])
    expectSeries(log.learningRate, named: "train/epoch_learning_rate", as: expected["train/epoch_learning_rate"])
}

@Test func aResumedRunWithPurgeStepReadsAsEventAccumulatorPurgesIt() throws {
    // SummaryWriter(purge_step: 15) writes a SessionLog START at step 15: EventAccumulator drops the
    // first file's points from step 15 on (21 of them), as we do.
    let expected = try #require(try fixture().tensorboard["pytorch-resumed-purge"])
    #expect(expected["train/loss"]?.count == 40)
    let log = try LossLog.read(try formats("pytorch-resumed-purge"))
    expectSeries(log.loss, named: "train/loss", as: expected["train/loss"])
    expectSeries(log.validation, named: "val/loss", as: expected["val/loss"])
    expectSeries(log.learningRate, named: "lr", as: expected["lr"])
    #expect(log.notes.count == 1 && log.notes[0].contains("restarted at step 15") && log.notes[0].contains("21 earlier points"))
}

@Test func aResumedRunWithoutPurgeStepKeepsTheLaterFilesPointsWhereTheyOverlap() throws {
    // Without purge_step EventAccumulator keeps both files' points at steps 15–24 (50 in all, the
    // chart going back on itself); a loss curve has one value a step, and the later file's is the
    // resumed run's. That is what EventAccumulator itself shows when the writer marks the restart.
    let fixture = try fixture()
    let overlapping = try #require(fixture.tensorboard["pytorch-resumed"])
    #expect(overlapping["train/loss"]?.count == 50)
    let purged = try #require(fixture.tensorboard["pytorch-resumed-purge"])
    let log = try LossLog.read(try formats("pytorch-resumed"))
    expectSeries(log.loss, named: "train/loss", as: overlapping["train/loss"])
    expectSeries(log.loss, named: "train/loss", as: purged["train/loss"])
    expectSeries(log.validation, named: "val/loss", as: purged["val/loss"])
    #expect(log.notes.contains { $0.contains("train/loss went back to step 15 (a resumed run); its 10 earlier points") })
}

@Test func kerasCSVLoggerReadsEpochAsTheStep() throws {
    let expected = try #require(try fixture().csv["keras-csvlogger"])
    let log = try LossLog.read(try formats("keras-csvlogger.csv"))
    expectSeries(log.loss, named: "loss", as: expected["loss"])
    expectSeries(log.validation, named: "val_loss", as: expected["val_loss"])
    expectSeries(log.learningRate, named: "learning_rate", as: expected["learning_rate"])
    #expect(log.steps == Array(0..<6))
}

@Test func anEpochColumnThatRepeatsIsNotTheStep() throws {
    let log = try LossLog.parse(text: Data("epoch,loss\n0,3\n0,2\n1,1\n".utf8), name: "batches.csv")
    #expect(log.steps == [0, 1, 2] && log.values == [3, 2, 1])
}

@Test func lightningsMetricsCSVMergesTheTrainValidationAndLearningRateRows() throws {
    // Rows hold one of train_loss, val_loss or lr-Adam each, at repeated steps (pandas drops the
    // empty cells); the last rows repeat step 31, and the last value of a step is read.
    let expected = try #require(try fixture().csv["lightning"])
    #expect(try LossLog.runs(at: try formats("lightning")).map(\.name) == ["version_0"])
    let log = try LossLog.read(try formats("lightning"))
    expectSeries(log.loss, named: "train_loss", as: expected["train_loss"])
    expectSeries(log.validation, named: "val_loss", as: expected["val_loss"])
    expectSeries(log.learningRate, named: "lr-Adam", as: expected["lr-Adam"])
    #expect(log.steps == Array(0..<32) && log.validation?.steps == [7, 15, 23, 31])
    #expect(log.notes.isEmpty)
}

@Test func transformersTrainerStateGivesTheLossEvalLossAndLearningRateByStep() throws {
    let expected = try fixture().trainer_state
    for path in [try formats("transformers"), try formats("transformers/trainer_state.json")] {
        let log = try LossLog.read(path)
        expectSeries(log.loss, named: "loss", as: expected["loss"])
        expectSeries(log.validation, named: "eval_loss", as: expected["eval_loss"])
        expectSeries(log.learningRate, named: "learning_rate", as: expected["learning_rate"])
        #expect(log.steps == Array(1...30) && log.validation?.steps == [10, 20, 30])
    }
}

@Test func theLatestCheckpointsTrainerStateIsReadWhenTheFolderHasNoneOfItsOwn() throws {
    let folder = try temporaryFolder()
    let state = try Data(contentsOf: URL(fileURLWithPath: try formats("transformers/trainer_state.json")))
    for checkpoint in ["checkpoint-5", "checkpoint-30", "checkpoint-10"] {
        let sub = folder.appendingPathComponent(checkpoint)
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try (checkpoint == "checkpoint-30" ? state : Data("{\"log_history\": []}".utf8)).write(to: sub.appendingPathComponent("trainer_state.json"))
    }
    #expect(try LossLog.read(folder.path).steps == Array(1...30))
}

@Test(arguments: [
    ("{\n  \"log_history\": [\n    {\"loss\": 1, \"step\": 1},\n", "trainer_state.json: trainer state: not valid JSON"),
    ("{\n  \"log_history\": {\"loss\": 1}\n}\n", "trainer_state.json: log_history: not a list of objects of numbers"),
    ("{\n  \"log_history\": [{\"loss\": 1, \"step\": 1}, {\"loss\": 2, \"step\": \"two\"}]\n}\n",
     "trainer_state.json: log_history[1].step: \"two\" is not a step number"),
    ("{\n  \"log_history\": [{\"loss\": 1, \"step\": 1}, {\"loss\": \"x\", \"step\": 2}]\n}\n",
     "trainer_state.json: log_history[1].loss: \"x\" is not a number"),
    ("{\n  \"log_history\": []\n}\n", "trainer_state.json: no values"),
])
func aBadTrainerStateIsAnErrorNamingTheField(text: String, message: String) {
    #expect {
        try LossLog.parse(text: Data(text.utf8), name: "trainer_state.json")
    } throws: { error in
        "\(error)".hasPrefix(message)
    }
}

@Test func trainerStateReadsPythonsNaNAsANonFiniteLoss() throws {
    let text = "{\n \"log_history\": [{\"loss\": 1.5, \"step\": 1}, {\"loss\": NaN, \"step\": 2}, {\"train_loss\": 1.5, \"step\": 2}]\n}\n"
    let log = try LossLog.parse(text: Data(text.utf8), name: "trainer_state.json")
    #expect(log.steps == [1, 2] && log.values[0] == 1.5 && log.values[1].isNaN)
}

@Test func anAppendedCSVThatStartsOverReadsTheLaterRun() throws {
    let text = "step,loss\n0,4\n1,3\n2,2\n3,1.5\n1,3.5\n2,2.5\n"
    let log = try LossLog.parse(text: Data(text.utf8), name: "metrics.csv")
    #expect(log.steps == [0, 1, 2] && log.values == [4, 3.5, 2.5])
    #expect(log.notes == ["metrics.csv: loss went back to step 1 (a resumed run); its 3 earlier points from there on are replaced by the later ones"])
}

@Test func theLibraryVersionsAreStampedInTheFixture() throws {
    let versions = try fixture().versions
    #expect(versions["tensorboard"] != nil && versions["lightning"] != nil && versions["transformers"] != nil && versions["keras"] != nil)
}

@Test func aSessionStartEventRoundTrips() throws {
    let start = TensorBoardEvent(wallTime: 1.5, step: 15, payload: .sessionStart)
    var plugins: [String: String] = [:]
    #expect(try TensorBoardEvent.decode(start.encoded()[...], pluginOfTag: &plugins) == start)
}

@Test(arguments: [
    (["train/loss", "val/loss", "lr"], "train/loss", "val/loss", "lr"),
    (["Loss/train", "Loss/val", "learning_rate"], "Loss/train", "Loss/val", "learning_rate"),
    (["epoch", "lr-SGD", "step", "train_loss", "val_loss"], "train_loss", "val_loss", "lr-SGD"),
    (["train_loss_epoch", "train_loss_step", "val_loss", "lr-Adam"], "train_loss_step", "val_loss", "lr-Adam"),
    (["loss", "eval_loss", "learning_rate", "train_loss", "grad_norm"], "loss", "eval_loss", "learning_rate"),
    (["train/epoch_loss", "train/epoch_learning_rate", "validation/epoch_loss", "validation/evaluation_loss_vs_iterations"],
     "train/epoch_loss", "validation/epoch_loss", "train/epoch_learning_rate"),
    (["epoch_loss", "epoch_val_loss", "epoch_lr"], "epoch_loss", "epoch_val_loss", "epoch_lr"),
] as [([String], String, String, String)])
func theUsualNamesOfEachSeriesAreFound(names: [String], loss: String, validation: String, lr: String) {
    let chosen = SeriesName.match("loss", in: names)
    #expect(chosen == loss)
    #expect(SeriesName.validationLoss(in: names, besides: chosen ?? "") == validation)
    #expect(SeriesName.learningRate(in: names) == lr)
}
