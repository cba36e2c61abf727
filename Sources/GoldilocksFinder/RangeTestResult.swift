/// What one range test recorded, and what the rules suggest from it.
public struct RangeTestResult: Sendable, Codable, Equatable {
    /// The learning rate of each step that ran.
    public let lrs: [Double]
    /// The mini-batch loss the step returned.
    public let rawLosses: [Double]
    /// The smoothed loss, the curve the rules read.
    public let smoothedLosses: [Double]
    /// Why the test ended; the step that triggered a stop is kept in the curve, as both libraries do.
    public let stop: RangeTestStop
    /// Each rule's suggestion from the smoothed curve.
    public let suggestions: [Suggestion]
    /// The rules that could not suggest (too few points), with why.
    public let failures: [SuggestionError]

    /// Whether the test ended before the sweep's last step.
    public var stoppedEarly: Bool { stop.isEarly }

    /// The smoothed curve (learning rates are positive by construction).
    public var curve: RangeTestCurve {
        get throws(CurveError) { try RangeTestCurve(lrs: lrs, losses: smoothedLosses) }
    }

    /// The suggestion of one rule, if it made one.
    public func suggestion(_ method: SuggestionMethod) -> Suggestion? {
        suggestions.first { $0.method == method }
    }

    init(
        lrs: [Double], rawLosses: [Double], smoothedLosses: [Double], stop: RangeTestStop,
        methods: [SuggestionMethod], options: SuggestionOptions
    ) {
        self.lrs = lrs
        self.rawLosses = rawLosses
        self.smoothedLosses = smoothedLosses
        self.stop = stop
        do {
            (suggestions, failures) = try RangeTestCurve(lrs: lrs, losses: smoothedLosses)
                .suggestions(methods, options: options)
        } catch {
            (suggestions, failures) = ([], [])
        }
    }
}
