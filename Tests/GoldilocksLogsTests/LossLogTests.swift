import Foundation
import Testing
@testable import GoldilocksLogs

private func write(_ text: String, named name: String) throws -> String {
    let url = try temporaryFolder(name).appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
}

@Test func aCSVLossColumnReadsWithStepsAndNonFiniteCells() throws {
    let path = try write("step,loss,lr\n0,2.5,0.1\n1,nan,0.1\n2,,0.05\n3,inf,0.05\n", named: "log.csv")
    let log = try LossLog.read(path)
    #expect(log.steps == [0, 1, 2, 3])
    #expect(log.values[0] == 2.5)
    #expect(log.values[1].isNaN && log.values[2].isNaN && log.values[3] == .infinity)
    #expect(log.learningRate?.values == [0.1, 0.1, 0.05, 0.05])
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
    #expect(throws: LogError(.badCell(file: path, line: 3, column: "loss", value: "oops"))) { try LossLog.read(path) }
    #expect(LogError(.badCell(file: path, line: 3, column: "loss", value: "oops")).description.contains("bad.csv:3: column \"loss\""))
}

@Test func aMissingColumnListsTheAvailableOnes() throws {
    let path = try write("step,accuracy,val_loss\n0,0.5,1\n", named: "log.csv")
    #expect(throws: LogError(.missingColumn(file: path, column: "loss", available: ["step", "accuracy", "val_loss"]))) {
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
    #expect(throws: LogError(.badLine(file: path, line: 2, reason: "not a JSON object"))) { try LossLog.read(path) }
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
