import Testing
@testable import GoldilocksLogs

/// The three records of ECOSYSTEM.md section 1, checked there with tensorboard 2.21's own reader.
let versionRecord = "1800000000000000 a37f4b22 0900000040fc54d9411a0d627261696e2e4576656e743a32 eced8f9d"
let simpleValueRecord = "1800000000000000 a37f4b22 0900006040fc54d941100a2a0b0a090a026c72156f12833a 9046fc9d"
let tensorRecord =
    "3000000000000000 95f5d05f 0900008040fc54d941100a2a230a210a046c6f73734a0d0a090a077363616c6172732001420a080112002a040000003f 1219e574"

@Test func theVersionEventEncodesByteForByte() {
    let event = TensorBoardEvent(wallTime: 1.7e9, payload: .fileVersion("brain.Event:2"))
    #expect(EventRecord.frame(event.encoded()) == hexBytes(versionRecord))
}

@Test func aSimpleValueScalarEncodesByteForByte() {
    let event = TensorBoardEvent(
        wallTime: 1_700_000_001.5, step: 10, payload: .scalars([TensorBoardScalar(tag: "lr", value: 0.001)]))
    #expect(EventRecord.frame(event.encoded()) == hexBytes(simpleValueRecord))
}

@Test func aTensorScalarWithMetadataEncodesByteForByte() {
    let scalar = TensorBoardScalar(tag: "loss", value: 0.5, form: .tensor, hasMetadata: true)
    let event = TensorBoardEvent(wallTime: 1_700_000_002, step: 10, payload: .scalars([scalar]))
    #expect(EventRecord.frame(event.encoded()) == hexBytes(tensorRecord))
}

@Test(arguments: [versionRecord, simpleValueRecord, tensorRecord])
func theTestVectorsDecodeAndReencodeToTheSameBytes(record: String) throws {
    let bytes = hexBytes(record)
    let records = try EventRecord.records(in: bytes, file: "vector")
    #expect(records.count == 1)
    var plugins: [String: String] = [:]
    let event = try TensorBoardEvent.decode(records[0].data, pluginOfTag: &plugins)
    #expect(EventRecord.frame(event.encoded()) == bytes)
}

@Test func decodedTestVectorsCarryTheirValues() throws {
    var plugins: [String: String] = [:]
    let lr = try TensorBoardEvent.decode(EventRecord.records(in: hexBytes(simpleValueRecord), file: "v")[0].data, pluginOfTag: &plugins)
    #expect(lr.step == 10)
    #expect(lr.wallTime == 1_700_000_001.5)
    #expect(lr.payload == .scalars([TensorBoardScalar(tag: "lr", value: Double(Float(0.001)))]))
    let loss = try TensorBoardEvent.decode(EventRecord.records(in: hexBytes(tensorRecord), file: "v")[0].data, pluginOfTag: &plugins)
    #expect(loss.payload == .scalars([TensorBoardScalar(tag: "loss", value: 0.5, form: .tensor, hasMetadata: true)]))
}

@Test func aTensorWithoutScalarsMetadataIsNotAScalar() throws {
    // Value{tag:"img", tensor{dtype: DT_FLOAT, float_val: 1}} with no plugin known for the tag.
    var w = ProtobufWriter()
    w.double(1, 1)
    w.message(5) { s in
        s.message(1) { v in
            v.string(1, "img")
            v.message(8) { t in t.int(1, 1); t.packedFloats(5, [1]) }
        }
    }
    var plugins: [String: String] = [:]
    #expect(try TensorBoardEvent.decode(w.bytes[...], pluginOfTag: &plugins).payload == .other)
}

@Test func aTruncatedEventIsAnError() {
    var plugins: [String: String] = [:]
    let bytes = hexBytes("0900006040fc54d941100a2a0b0a090a026c72156f1283")  // float cut short
    #expect(throws: ProtobufReader.Failure.self) { try TensorBoardEvent.decode(bytes[...], pluginOfTag: &plugins) }
}
