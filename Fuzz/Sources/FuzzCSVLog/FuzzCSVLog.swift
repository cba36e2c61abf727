import Foundation
import GoldilocksDiagnosis
import GoldilocksLogs

/// libFuzzer entry: `LossLog.parse(text:name:column:)` on arbitrary bytes, as `goldilocks diagnose`
/// reads a CSV log, then the diagnosis of what it read.
///
/// Errors are fine; a trap, a sanitizer report, a hang, or a log whose series disagree are not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVLog(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? Data() : Data(bytes: data!, count: size)
    for column in ["loss", "val_loss", "lr"] {
        guard let log = try? LossLog.parse(text: bytes, name: "fuzz.csv", column: column) else { continue }
        checkAndDiagnose(log)
    }
    return 0
}

/// What a log that parsed must satisfy, then `goldilocks diagnose`'s use of it.
func checkAndDiagnose(_ log: LossLog) {
    precondition(log.loss.steps.count == log.loss.values.count, "loss: \(log.loss.steps.count) steps, \(log.loss.values.count) values")
    if let lr = log.learningRate {
        precondition(lr.steps.count == lr.values.count, "lr: \(lr.steps.count) steps, \(lr.values.count) values")
    }
    // As DiagnoseCommand does: the learning rates only when they line up with the losses.
    let rates = log.learningRate.flatMap { $0.steps == log.steps ? $0.values : nil }
    _ = try? diagnose(losses: log.values, learningRates: rates, steps: log.steps)
}
