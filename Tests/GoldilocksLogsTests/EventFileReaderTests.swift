import Foundation
import Testing
import TestSupport
@testable import GoldilocksLogs

/// Per run, per tag, `[step, value]` pairs as TensorBoard's EventAccumulator (and tbparse) read them
/// from files written by PyTorch's SummaryWriter and a Keras-style writer (scripts/tensorboard-fixtures).
typealias ExpectedRuns = [String: [String: [[Double]]]]

@Test(arguments: ["pytorch-simple", "pytorch-new-style", "pytorch-two-files", "keras-style"])
func readsRunsWrittenByOtherToolsAsTensorBoardDoes(run: String) throws {
    let expected = try #require(try loadFixture(ExpectedRuns.self, named: "tensorboard", in: .module)[run])
    let folder = try fixturesFolder().appendingPathComponent("tensorboard").appendingPathComponent(run)
    let series = try EventFileReader.scalars(at: folder)
    #expect(Set(series.keys) == Set(expected.keys))
    for (tag, points) in expected {
        let read = series[tag] ?? []
        #expect(read.map(\.step) == points.map { Int($0[0]) }, "\(run) \(tag)")
        // Both sides hold the same stored float32 or float64: exact equality.
        #expect(read.map(\.value) == points.map { $0[1] }, "\(run) \(tag)")
    }
}

@Test func aSingleEventFileReadsOnItsOwn() throws {
    let folder = try fixturesFolder().appendingPathComponent("tensorboard/pytorch-two-files")
    let files = try EventFileReader.eventFiles(at: folder)
    #expect(files.count == 2)
    let first = try EventFileReader.scalars(at: files[0])
    #expect(first["loss"]?.map(\.step) == Array(0..<10))
    let events = try EventFileReader.events(in: files[0])
    #expect(events.first?.payload == .fileVersion("brain.Event:2"))
}

@Test func aFolderWithoutEventFilesIsAClearError() throws {
    let folder = try temporaryFolder()
    #expect(throws: LogError.noEventFiles(path: folder.path)) { try EventFileReader.scalars(at: folder) }
}

@Test func aCorruptFixtureIsReportedWithItsFileAndOffset() throws {
    let source = try EventFileReader.eventFiles(at: try fixturesFolder().appendingPathComponent("tensorboard/pytorch-simple"))[0]
    var bytes = Array(try Data(contentsOf: source))
    bytes[bytes.count / 2] ^= 0xFF
    let copy = try temporaryFolder().appendingPathComponent("events.out.tfevents.1.host")
    try Data(bytes).write(to: copy)
    do {
        _ = try EventFileReader.scalars(at: copy)
        Issue.record("a flipped byte was not detected")
    } catch let error as LogError {
        #expect(error.description.contains(copy.path))
        #expect(error.description.contains("corrupt TensorBoard record at byte"))
    }
}

@Test func aDamagedEventFileIsReadUpToTheDamageWithANoteWhenDiagnosed() throws {
    let source = try EventFileReader.eventFiles(at: try fixturesFolder().appendingPathComponent("tensorboard/pytorch-simple"))[0]
    let whole = try EventFileReader.scalars(at: source)
    var bytes = Array(try Data(contentsOf: source))
    bytes[bytes.count / 2] ^= 0xFF
    let copy = try temporaryFolder().appendingPathComponent("events.out.tfevents.2.host")
    try Data(bytes).write(to: copy)
    let log = try LossLog.read(copy.path)
    let loss = try #require(whole[log.loss.name])
    #expect(!log.values.isEmpty && log.values.count < loss.count)
    #expect(log.values == Array(loss.prefix(log.values.count).map(\.value)))
    #expect(log.notes.count == 1)
    #expect(log.notes.first?.contains("corrupt TensorBoard record at byte") == true)
    // The same bytes under another name go through the content sniffing path.
    let unnamed = try LossLog.parse(Data(bytes), name: "upload")
    #expect(unnamed.values == log.values && unnamed.notes.count == 1)
}
