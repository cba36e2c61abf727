import Foundation
import Testing
@testable import GoldilocksLogs

@Test func recordsAppendToCSVAndJSONLinesWithTheHeaderOfTheFirst() throws {
    let folder = try temporaryFolder()
    let writer = try MetricsWriter(directory: folder)
    try writer.append(step: 0, epoch: 0, scalars: ["loss": 2.5, "lr": 1e-05])
    try writer.append(step: 1, epoch: 0, scalars: ["loss": .nan, "lr": 0.1])
    try writer.append(step: 2, epoch: nil, scalars: ["lr": -.infinity])
    // Each line is on disk before close.
    let csv = try String(contentsOf: folder.appendingPathComponent("metrics.csv"), encoding: .utf8)
    #expect(csv == "step,epoch,loss,lr\n0,0,2.5,1e-05\n1,0,nan,0.1\n2,,,-inf\n")
    let jsonl = try String(contentsOf: folder.appendingPathComponent("metrics.jsonl"), encoding: .utf8)
    #expect(jsonl == """
        {"step":0,"epoch":0,"loss":2.5,"lr":1e-05}
        {"step":1,"epoch":0,"loss":null,"lr":0.1}
        {"step":2,"epoch":null,"loss":null,"lr":null}

        """)
    try writer.close()
}

@Test func aColumnOutsideTheHeaderIsRefusedWithTheHeaderNamed() throws {
    let folder = try temporaryFolder()
    let writer = try MetricsWriter(directory: folder)
    try writer.append(step: 0, epoch: 0, scalars: ["loss": 1])
    #expect(throws: LogError.self) { try writer.append(step: 1, epoch: 0, scalars: ["accuracy": 1]) }
    #expect(LogError.unknownColumn(file: "m.csv", column: "accuracy", header: ["loss"]).description
        .contains("\"accuracy\" is not in the header"))
}

@Test func declaredColumnsFixTheHeaderAndNamesAreQuoted() throws {
    let folder = try temporaryFolder()
    let writer = try MetricsWriter(directory: folder, name: "m", columns: ["loss", "a,b"])
    try writer.append(step: 3, epoch: 1, scalars: ["a,b": 0.5])
    let csv = try String(contentsOf: folder.appendingPathComponent("m.csv"), encoding: .utf8)
    #expect(csv == "step,epoch,loss,\"a,b\"\n3,1,,0.5\n")
}

@Test func numbersRoundTripThroughTheCSV() throws {
    let folder = try temporaryFolder()
    let writer = try MetricsWriter(directory: folder)
    let values = [0.1 + 0.2, 1e-300, 123456789.123456789, -0.0]
    for (step, value) in values.enumerated() { try writer.append(step: step, epoch: nil, scalars: ["loss": value]) }
    let log = try LossLog.read(folder.appendingPathComponent("metrics.csv").path)
    #expect(log.values.map(\.bitPattern) == values.map(\.bitPattern))
}
