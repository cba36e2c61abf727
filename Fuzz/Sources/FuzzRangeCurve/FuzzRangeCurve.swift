import Foundation
import GoldilocksFinder

/// libFuzzer entry: `RangeTestCurve(csv:)` as `goldilocks suggest CURVE.csv` reads a curve, then
/// every suggestion rule, with the default options and with the `--num-it` values a user can give.
///
/// A suggestion must point into the curve and carry a finite, positive learning rate.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRangeCurve(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? Data() : Data(bytes: data!, count: size)
    guard let curve = try? RangeTestCurve(csv: String(decoding: bytes, as: UTF8.self), source: "fuzz.csv") else { return 0 }
    precondition(curve.lrs.count == curve.losses.count, "\(curve.lrs.count) lrs, \(curve.losses.count) losses")
    let count = curve.lrs.count
    for numIterations in [nil, 0, 1, count, count * 10, Int.max] as [Int?] {
        let options = SuggestionOptions(numIterations: numIterations)
        for method in SuggestionMethod.allCases {
            guard let suggestion = try? curve.suggest(method, options: options) else { continue }
            precondition(suggestion.index >= 0 && suggestion.index < count, "\(method): index \(suggestion.index) outside 0..<\(count)")
            precondition(suggestion.lr.isFinite && suggestion.lr >= 0, "\(method): lr \(suggestion.lr)")
        }
        _ = curve.suggestions(options: options)
    }
    return 0
}
