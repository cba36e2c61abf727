import Foundation

/// How much one rule's suggestion moves between repeats of a range test.
public struct SuggestionSpread: Sendable, Codable, Equatable {
    /// The rule.
    public let method: SuggestionMethod
    /// Each repeat's suggested learning rate, `nil` where that repeat had too few points.
    public let lrs: [Double?]
    /// `max / min` of the suggested learning rates (1 when they agree); `nil` without any.
    public let ratio: Double?
    /// The geometric standard deviation `exp(σ(ln lr))` (population σ); 1 when they agree.
    public let geometricStandardDeviation: Double?

    /// The spread of `lrs`.
    public init(method: SuggestionMethod, lrs: [Double?]) {
        self.method = method
        self.lrs = lrs
        let found = lrs.compactMap { $0 }
        guard let low = found.min(), let high = found.max() else {
            (ratio, geometricStandardDeviation) = (nil, nil)
            return
        }
        ratio = high / low
        let logs = found.map { log($0) }
        let mean = logs.reduce(0, +) / Double(logs.count)
        let variance = logs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(logs.count)
        geometricStandardDeviation = exp(variance.squareRoot())
    }
}
