import Foundation
import GoldilocksDiagnosis
import GoldilocksLogs

/// libFuzzer entry: TensorBoard event files through `EventFileReader.events(inBytes:file:)`, and
/// through `LossLog.read` (scalars by tag, the loss series picked, the diagnosis) from a file.
///
/// Records are framed as `length (u64) · masked crc32c(length) · data · masked crc32c(data)`. Random
/// mutations break the checksums, and the reader rightly stops there; so when the first byte is
/// even the checksums are recomputed first, letting mutations reach the protobuf decoder.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTensorBoard(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data!, count: size))
    if let first = bytes.first, first % 2 == 0 { fixChecksums(&bytes) }
    _ = try? EventFileReader.events(inBytes: bytes, file: "fuzz.tfevents")
    do {
        try Data(bytes).write(to: scratch)
    } catch {
        fatalError("cannot write the scratch event file \(scratch.path): \(error)")
    }
    for column in ["loss", "lr"] {
        guard let log = try? LossLog.read(scratch.path, column: column) else { continue }
        precondition(log.loss.steps.count == log.loss.values.count, "loss: \(log.loss.steps.count) steps, \(log.loss.values.count) values")
        let rates = log.learningRate.flatMap { $0.steps == log.steps ? $0.values : nil }
        _ = try? diagnose(losses: log.values, learningRates: rates, steps: log.steps)
    }
    return 0
}

/// One scratch file per process, named as TensorBoard names event files.
let scratch = URL(fileURLWithPath: NSTemporaryDirectory())
    .appendingPathComponent("fuzz-\(ProcessInfo.processInfo.processIdentifier).out.tfevents.0")

/// Rewrites the two checksums of every whole record in place.
func fixChecksums(_ bytes: inout [UInt8]) {
    var offset = 0
    while offset + 12 <= bytes.count {
        var length: UInt64 = 0
        for i in 0..<8 { length |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        store(CRC32C.masked(bytes[offset..<offset + 8]), &bytes, at: offset + 8)
        let start = offset + 12
        guard length <= UInt64(bytes.count - start), bytes.count - start - Int(length) >= 4 else { return }
        let end = start + Int(length)
        store(CRC32C.masked(bytes[start..<end]), &bytes, at: end)
        offset = end + 4
    }
}

func store(_ value: UInt32, _ bytes: inout [UInt8], at offset: Int) {
    for i in 0..<4 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) }
}
