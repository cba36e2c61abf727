/// Several repeats of one range test (other seeds, other batches) and their aggregate.
///
/// The aggregate curve is the per-step median of the repeats' smoothed losses, up to the step
/// where the first repeat stopped (past it, at least one repeat diverged). The rules run on that
/// median curve; each repeat's own suggestions and their spread show how stable they are.
public struct RepeatedRangeTestResult: Sendable, Codable, Equatable {
    /// Each repeat's own result.
    public let repeats: [RangeTestResult]
    /// The learning rates of the aggregate curve.
    public let lrs: [Double]
    /// The per-step median of the smoothed losses (non-finite values count as +∞).
    public let median: [Double]
    /// The per-step lower and upper quartiles (linear interpolation, as `numpy.percentile`).
    public let lowerQuartile: [Double]
    /// See `lowerQuartile`.
    public let upperQuartile: [Double]
    /// The per-step smallest smoothed loss.
    public let minimum: [Double]
    /// The per-step largest smoothed loss.
    public let maximum: [Double]
    /// Each rule's suggestion from the median curve.
    public let suggestions: [Suggestion]
    /// The rules that could not suggest from the median curve.
    public let failures: [SuggestionError]
    /// Per rule: every repeat's suggestion and their spread.
    public let spreads: [SuggestionSpread]

    /// Aggregates results of `test` run several times (for instance in parallel by the caller).
    public init(repeats: [RangeTestResult], test: RangeTest) throws(RangeTestError) {
        guard let length = repeats.map(\.lrs.count).min() else {
            throw .noRepeats
        }
        guard let first = repeats.first, repeats.allSatisfy({ Array($0.lrs.prefix(length)) == Array(first.lrs.prefix(length)) }) else {
            throw .repeatsDiffer
        }
        self.repeats = repeats
        lrs = Array(first.lrs.prefix(length))
        var median: [Double] = []
        var lower: [Double] = []
        var upper: [Double] = []
        var minimum: [Double] = []
        var maximum: [Double] = []
        for step in 0..<length {
            let values = repeats.map { $0.smoothedLosses[step].isNaN ? .infinity : $0.smoothedLosses[step] }.sorted()
            median.append(Self.quantile(values, 0.5))
            lower.append(Self.quantile(values, 0.25))
            upper.append(Self.quantile(values, 0.75))
            minimum.append(values[0])
            maximum.append(values[values.count - 1])
        }
        (self.median, lowerQuartile, upperQuartile, self.minimum, self.maximum) = (median, lower, upper, minimum, maximum)
        do {
            (suggestions, failures) = try RangeTestCurve(lrs: lrs, losses: median).suggestions(test.methods, options: test.options)
        } catch {
            (suggestions, failures) = ([], [])
        }
        spreads = test.methods.map { method in
            SuggestionSpread(method: method, lrs: repeats.map { $0.suggestion(method)?.lr })
        }
    }

    /// The `q`-quantile of sorted values, interpolating linearly between neighbours.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let below = Int(position)
        let above = min(below + 1, sorted.count - 1)
        let weight = position - Double(below)
        if weight == 0 || sorted[below] == sorted[above] { return sorted[below] }
        return sorted[below] + (sorted[above] - sorted[below]) * weight
    }

    /// The median curve.
    public var curve: RangeTestCurve {
        get throws(CurveError) { try RangeTestCurve(lrs: lrs, losses: median) }
    }

    /// The suggestion of one rule from the median curve, if it made one.
    public func suggestion(_ method: SuggestionMethod) -> Suggestion? {
        suggestions.first { $0.method == method }
    }

    /// The spread of one rule's suggestions over the repeats.
    public func spread(_ method: SuggestionMethod) -> SuggestionSpread? {
        spreads.first { $0.method == method }
    }
}
