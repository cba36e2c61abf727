import Foundation
import GoldilocksDiagnosis
import GoldilocksLogs

/// libFuzzer entry: JSON-lines logs through `LossLog.parse(text:name:column:)`, then the diagnosis.
///
/// `parse` takes the JSON-lines path when the first non-blank character is `{`; inputs that do not
/// start so get one well-formed line in front, so every input reaches the JSON-lines reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var bytes = size == 0 ? Data() : Data(bytes: data!, count: size)
    let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) })
    if first != UInt8(ascii: "{") { bytes = Data(#"{"step":0,"loss":1.0}"#.utf8) + Data([0x0A]) + bytes }
    for column in ["loss", "val_loss", "lr"] {
        guard let log = try? LossLog.parse(text: bytes, name: "fuzz.jsonl", column: column) else { continue }
        precondition(log.loss.steps.count == log.loss.values.count, "loss: \(log.loss.steps.count) steps, \(log.loss.values.count) values")
        if let lr = log.learningRate {
            precondition(lr.steps.count == lr.values.count, "lr: \(lr.steps.count) steps, \(lr.values.count) values")
        }
        let rates = log.learningRate.flatMap { $0.steps == log.steps ? $0.values : nil }
        _ = try? diagnose(losses: log.values, learningRates: rates, steps: log.steps)
    }
    return 0
}
