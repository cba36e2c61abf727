import Foundation
import Testing
@testable import GoldilocksLogs

private func write(_ text: String, named name: String) throws -> String {
    let url = try temporaryFolder(name).appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}

@Test func aCSVLossColumnReadsWithStepsAndNonFiniteCellsAndAnEmptyCellIsNoValue() throws {
    let path = try write("step,loss,lr\n0,2.5,0.1\n1,nan,0.1\n2,,0.05\n3,inf,0.05\n", named: "log.csv")
    let log = try LossLog.read(path)
    #expect(log.steps == [0, 1, 3])
    #expect(log.values[0] == 2.5)
    #expect(log.values[1].isNaN && log.values[2] == .infinity)
    #expect(log.learningRate?.values == [0.1, 0.1, 0.05, 0.05])
    #expect(log.notes.isEmpty)
}

@Test func aSparseValidationColumnIsReadAtTheStepsItWasLoggedNotAsNaN() throws {
    var text = "step,loss,val_loss\n"
    for step in 0..<60 { text += "\(step),\(1.0 / Double(step + 1)),\(step % 20 == 19 ? "0.5" : "")\n" }
    let path = try write(text, named: "sparse.csv")
    let validation = try LossLog.read(path, column: "val_loss")
    #expect(validation.steps == [19, 39, 59])
    #expect(validation.values == [0.5, 0.5, 0.5])
    #expect(try LossLog.read(path).values.allSatisfy(\.isFinite))
}

@Test(arguments: [
    "step,loss,lr\n0,2.5,0.1\n1,2.4,0.1\n2,2.", "step,loss,lr\n0,2.5,0.1\n1,2.4,0.1\n2,2.3e",
    "step,loss,lr\n0,2.5,0.1\n1,2.4,0.1\n2,2.3,", "step,loss,lr\n0,2.5,0.1\n1,2.4,0.1\n2,0.53,0.1",
])
func aLastLineWithoutItsLineEndIsLeftOutWithANote(_ text: String) throws {
    let log = try LossLog.parse(text: Data(text.utf8), name: "live.csv")
    #expect(log.values == [2.5, 2.4])
    #expect(log.notes.count == 1)
    #expect(log.notes.first?.contains("live.csv:4: the last line has no line end") == true)
}

@Test func aNULByteInsideANumberIsNotANumber() throws {
    let text = "step,loss\n0,1.0\n1,0.5\u{0}3e9\n"
    #expect(throws: LogError.badCell(file: "nul.csv", line: 3, column: "loss", value: "0.5\u{0}3e9")) {
        try LossLog.parse(text: Data(text.utf8), name: "nul.csv")
    }
}

@Test(arguments: ["step,loss\n0,1.0\nabc,0.9\n2,0.8\n", "step,loss\n0,1.0\n,0.9\n2,0.8\n", "step,loss\n0,1.0\n1e300,0.9\n"])
func aBadStepCellIsAnErrorNamingItsLine(_ text: String) throws {
    #expect {
        try LossLog.parse(text: Data(text.utf8), name: "steps.csv")
    } throws: { error in
        "\(error)".hasPrefix("steps.csv:3: column \"step\"")
    }
}

@Test func aRowWithMoreCellsThanTheHeaderIsAnError() throws {
    #expect(throws: LogError.badLine(file: "wide.csv", line: 3, reason: "3 cells, but the header has 2 (step,loss)")) {
        try LossLog.parse(text: Data("step,loss\n0,1\n1,2,3\n2,1\n".utf8), name: "wide.csv")
    }
}

@Test func pythonsNaNAndInfinityInJSONLinesAreNonFiniteLosses() throws {
    let text = "{\"step\": 0, \"loss\": 2.5, \"note\": \"NaN in a string stays\"}\n{\"step\": 1, \"loss\": NaN}\n{\"step\": 2, \"loss\": Infinity}\n{\"step\": 3, \"loss\": -Infinity}\n"
    let log = try LossLog.parse(text: Data(text.utf8), name: "run.jsonl")
    #expect(log.steps == [0, 1, 2, 3])
    #expect(log.values[0] == 2.5 && log.values[1].isNaN && log.values[2] == .infinity && log.values[3] == -.infinity)
}

@Test func aJSONRecordCutOffAtTheEndIsLeftOutWithANoteButOneInTheMiddleIsAnError() throws {
    let cut = try LossLog.parse(text: Data("{\"loss\": 2}\n{\"loss\": 1}\n{\"loss\": 0.".utf8), name: "run.jsonl")
    #expect(cut.values == [2, 1])
    #expect(cut.notes.first?.contains("run.jsonl:3: the last line is cut off") == true)
    #expect(throws: LogError.badLine(file: "run.jsonl", line: 2, reason: "not a JSON object")) {
        try LossLog.parse(text: Data("{\"loss\": 2}\n{\"loss\": 1\n{\"loss\": 0.5}\n".utf8), name: "run.jsonl")
    }
}

@Test func aCSVWithoutAStepColumnCountsRows() throws {
    let path = try write("train_loss,val_loss\n3\n2,2.5\n", named: "log.csv")
    let log = try LossLog.read(path)
    #expect(log.loss.name == "train_loss")
    #expect(log.steps == [0, 1])
    #expect(log.learningRate == nil)
}

@Test func aBadCellNamesTheFileLineAndColumn() throws {
    let path = try write("step,loss\n0,1.0\n1,oops\n", named: "bad.csv")
    #expect(throws: LogError.badCell(file: path, line: 3, column: "loss", value: "oops")) { try LossLog.read(path) }
    #expect(LogError.badCell(file: path, line: 3, column: "loss", value: "oops").description.contains("bad.csv:3: column \"loss\""))
}

@Test func aMissingColumnListsTheAvailableOnes() throws {
    let path = try write("step,accuracy,val_loss\n0,0.5,1\n", named: "log.csv")
    #expect(throws: LogError.missingColumn(file: path, column: "loss", available: ["step", "accuracy", "val_loss"])) {
        try LossLog.read(path)
    }
}

@Test func aNamedColumnIsRead() throws {
    let path = try write("step,loss,val_loss\n0,1,4\n1,0.5,3\n", named: "log.csv")
    #expect(try LossLog.read(path, column: "val_loss").values == [4, 3])
}

@Test func jsonLinesSkipLinesWithoutTheLossAndReadNullAsNaN() throws {
    let path = try write("""
        {"step":0,"loss":1.5,"lr":0.01}
        {"step":1,"loss":null,"lr":0.01}
        {"step":1,"val_loss":2}
        {"step":2,"loss":"nan","lr":0.02}
        """, named: "log.jsonl")
    let log = try LossLog.read(path)
    #expect(log.steps == [0, 1, 2])
    #expect(log.values[0] == 1.5 && log.values[1].isNaN && log.values[2].isNaN)
    #expect(log.learningRate?.steps == [0, 1, 2])
}

@Test func aJSONLineThatIsNotAnObjectIsAnErrorWithItsLine() throws {
    let path = try write("{\"loss\":1}\n[1,2]\n", named: "log.jsonl")
    #expect(throws: LogError.badLine(file: path, line: 2, reason: "not a JSON object")) { try LossLog.read(path) }
}

@Test(arguments: [
    (["train/loss", "val/loss", "lr"], "train/loss"),
    (["Loss/train", "Loss/val"], "Loss/train"),
    (["train/epoch_loss", "validation/epoch_loss"], "train/epoch_loss"),
    (["epoch_loss", "epoch_val_loss"], "epoch_loss"),
    (["LOSS"], "LOSS"),
])
func theClosestSensibleLossTagIsChosen(names: [String], chosen: String) {
    #expect(SeriesName.match("loss", in: names) == chosen)
}

@Test func validationSeriesAreNeverTakenForTheTrainingLoss() {
    #expect(SeriesName.match("loss", in: ["val_loss", "test/loss"]) == nil)
    #expect(SeriesName.match("val_loss", in: ["val_loss", "loss"]) == "val_loss")
}

@Test func learningRateTagsAreFound() {
    #expect(SeriesName.learningRate(in: ["loss", "learning_rate"]) == "learning_rate")
    #expect(SeriesName.learningRate(in: ["loss", "lr-Adam"]) == "lr-Adam")
    #expect(SeriesName.learningRate(in: ["loss", "train/lr"]) == "train/lr")
    #expect(SeriesName.learningRate(in: ["loss"]) == nil)
}

@Test func pyTorchAndKerasEventFoldersReadAsLossLogs() throws {
    let root = try fixturesFolder().appendingPathComponent("tensorboard")
    let simple = try LossLog.read(root.appendingPathComponent("pytorch-simple").path)
    #expect(simple.loss.name == "loss" && simple.steps == Array(0..<25))
    #expect(simple.learningRate?.name == "lr")
    let newStyle = try LossLog.read(root.appendingPathComponent("pytorch-new-style").path)
    #expect(newStyle.loss.name == "Loss/train" && newStyle.learningRate?.name == "learning_rate")
    let keras = try LossLog.read(root.appendingPathComponent("keras-style").path)
    #expect(keras.loss.name == "train/epoch_loss" && keras.steps == Array(0..<8))
    let file = try EventFileReader.eventFiles(at: root.appendingPathComponent("pytorch-simple"))[0]
    #expect(try LossLog.read(file.path).values == simple.values)
}

@Test func aMissingTagListsTheTagsThatExist() throws {
    let root = try fixturesFolder().appendingPathComponent("tensorboard/pytorch-simple")
    do {
        _ = try LossLog.read(root.path, column: "accuracy_top5")
        Issue.record("expected an error")
    } catch let error as LogError {
        #expect(error.description.contains("available: loss, lr, train/accuracy"))
    }
}

@Test(arguments: [
    (["loss", "val_loss", "lr"], "val_loss"), (["train/loss", "val/loss", "lr"], "val/loss"),
    (["Loss/train", "Loss/val"], "Loss/val"), (["train/epoch_loss", "validation/epoch_loss"], "validation/epoch_loss"),
    (["loss", "eval_loss", "val_accuracy"], "eval_loss"), (["loss", "accuracy"], nil),
])
func theValidationLossIsFoundByItsUsualNames(names: [String], expected: String?) {
    #expect(SeriesName.validationLoss(in: names, besides: SeriesName.match("loss", in: names) ?? "") == expected)
}

@Test func aColumnNameTwiceInTheHeaderIsAnErrorNotAMergedColumn() throws {
    #expect(throws: LogError.badLine(file: "d.csv", line: 1, reason: "the column name \"loss\" appears twice in the header; rename one")) {
        try LossLog.parse(text: Data("loss,loss,step\n1,2,0\n0.5,1,1\n".utf8), name: "d.csv")
    }
}
