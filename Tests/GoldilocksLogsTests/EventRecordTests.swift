import Testing
@testable import GoldilocksLogs

@Test func aPartialLastRecordIsNotYetWritten() throws {
    let whole = hexBytes(versionRecord) + hexBytes(simpleValueRecord)
    for cut in [1, 5, 12, 20, 39] {
        let records = try EventRecord.records(in: Array(whole.dropLast(cut)), file: "f")
        #expect(records.count == 1, "cut \(cut)")
    }
}

@Test func aDataChecksumMismatchNamesTheFileAndOffset() {
    var bytes = hexBytes(versionRecord) + hexBytes(simpleValueRecord)
    bytes[40 + 14] ^= 0x01  // inside the second record's data
    #expect(throws: LogError.corruptRecord(file: "run/events", offset: 40, reason: "data checksum mismatch")) {
        try EventRecord.records(in: bytes, file: "run/events")
    }
    #expect(LogError.corruptRecord(file: "run/events", offset: 40, reason: "data checksum mismatch").description
        .contains("run/events: corrupt TensorBoard record at byte 40"))
}

@Test func aLengthChecksumMismatchIsAnError() {
    var bytes = hexBytes(versionRecord)
    bytes[0] = 0x19
    #expect(throws: LogError.self) { try EventRecord.records(in: bytes, file: "f") }
}
