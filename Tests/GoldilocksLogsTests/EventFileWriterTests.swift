import Foundation
import Testing
@testable import GoldilocksLogs

@Test func theFileIsNamedAsPyTorchNamesIt() throws {
    let folder = try temporaryFolder()
    let writer = try EventFileWriter(directory: folder, wallTime: 1_700_000_000.25)
    try writer.close()
    let name = writer.url.lastPathComponent
    let parts = name.split(separator: ".")
    #expect(name.hasPrefix("events.out.tfevents.1700000000."))
    #expect(parts.count == 7)
    #expect(parts[5] == "\(ProcessInfo.processInfo.processIdentifier)")
    #expect(parts[6] == "0")
    let second = try EventFileWriter(directory: folder, wallTime: 1_700_000_000.25)
    #expect(second.url.lastPathComponent.hasSuffix(".1"))
}

@Test func theFirstRecordIsTheFileVersion() throws {
    let folder = try temporaryFolder()
    let writer = try EventFileWriter(directory: folder, wallTime: 1.7e9)
    // Not closed: the record must already be on disk.
    #expect(Array(try Data(contentsOf: writer.url)) == hexBytes(versionRecord))
}

@Test(arguments: [false, true])
func writtenScalarsReadBackAsFloats(tensorScalars: Bool) throws {
    let folder = try temporaryFolder()
    let writer = try EventFileWriter(directory: folder, tensorScalars: tensorScalars)
    let losses = [2.5, 1.25, .nan, 0.1, .infinity]
    for (step, loss) in losses.enumerated() {
        try writer.add(loss, tag: "loss", step: step, wallTime: 100 + Double(step))
        try writer.add(1e-3 * Double(step), tag: "lr", step: step, wallTime: 100 + Double(step))
    }
    let series = try EventFileReader.scalars(at: folder)
    #expect(series["loss"]?.map(\.step) == Array(0..<5))
    let read = series["loss"]?.map(\.value) ?? []
    #expect(read.count == losses.count)
    for (r, l) in zip(read, losses) { #expect(r == Double(Float(l)) || (r.isNaN && l.isNaN)) }
    #expect(series["lr"]?.map(\.value) == (0..<5).map { Double(Float(1e-3 * Double($0))) })
    #expect(series["lr"]?.last?.wallTime == 104)
}

@Test func aRunKilledMidRecordKeepsEveryCompleteRecord() throws {
    let folder = try temporaryFolder()
    let writer = try EventFileWriter(directory: folder)
    for step in 0..<10 { try writer.add(Double(step), tag: "loss", step: step) }
    let handle = try FileHandle(forWritingTo: writer.url)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(EventRecord.frame([1, 2, 3, 4, 5, 6, 7, 8]).prefix(15)))
    try handle.close()
    #expect(try EventFileReader.scalars(at: folder)["loss"]?.count == 10)
}
