import Foundation

extension RangeTestCurve {
    /// The learning rate `method` suggests, computed exactly as its library does.
    ///
    /// fastai's rules see `lrs[num_it//10 ..< count-5]` (Python's `[num_it//10:-5]`), torch-lr-finder's
    /// `steepest` sees `lrs[10 ..< count-5]`; both stop before the first non-finite loss in that
    /// window (fastai stops at NaN only and torch-lr-finder not at all, which gave absurd answers).
    /// Throws a `SuggestionError` saying how many points are left and how many the rule needs,
    /// where the libraries crashed.
    public func suggest(_ method: SuggestionMethod, options: SuggestionOptions = .init()) throws(SuggestionError) -> Suggestion {
        let window = try self.window(for: method, options: options)
        let lrs = Array(self.lrs[window.range])
        let losses = Array(self.losses[window.range])
        let needed = method == .slide ? max(options.slideWindow + 1, 2) : 2
        guard losses.count >= needed else {
            throw .tooFewPoints(method: method, points: losses.count, needed: needed, steps: count, window: window.explanation)
        }
        let start = window.range.lowerBound
        switch method {
        case .valley:
            let i = SuggestionRules.valley(losses)
            return Suggestion(method: method, lr: lrs[i], index: start + i, loss: losses[i])
        case .steep:
            let i = SuggestionRules.steep(lrs: lrs, losses: losses)
            return Suggestion(method: method, lr: lrs[i], index: start + i, loss: losses[i])
        case .minimum:
            let i = SuggestionRules.minimum(losses)
            return Suggestion(method: method, lr: lrs[i] / 10, index: start + i, loss: losses[i])
        case .slide:
            let i = SuggestionRules.slide(losses, window: options.slideWindow, threshold: options.slideThreshold)
            let lr = lrs[i] * options.slideAdjustment
            let loss = SuggestionRules.interpolate(log10(lr), lrs.map { log10($0) }, losses)
            return Suggestion(method: method, lr: lr, index: start + i, loss: loss)
        case .steepest:
            let i = SuggestionRules.steepest(losses)
            return Suggestion(method: method, lr: lrs[i], index: start + i, loss: losses[i])
        }
    }

    /// Every rule's suggestion, and an error for each rule that could not make one.
    public func suggestions(
        _ methods: [SuggestionMethod] = SuggestionMethod.allCases, options: SuggestionOptions = .init()
    ) -> (suggestions: [Suggestion], failures: [SuggestionError]) {
        var suggestions: [Suggestion] = []
        var failures: [SuggestionError] = []
        for method in methods {
            do {
                suggestions.append(try suggest(method, options: options))
            } catch {
                failures.append(error)
            }
        }
        return (suggestions, failures)
    }

    /// The rows a rule sees, and how they were chosen (for error messages).
    private func window(for method: SuggestionMethod, options: SuggestionOptions) throws(SuggestionError)
        -> (range: Range<Int>, explanation: String)
    {
        let skipStart: Int
        let skipEnd: Int
        var explanation: String
        if method == .steepest {
            guard options.steepestSkipStart >= 0, options.steepestSkipEnd >= 0 else {
                throw .invalidOption(method: method, reason: "skip_start and skip_end cannot be negative")
            }
            (skipStart, skipEnd) = (options.steepestSkipStart, options.steepestSkipEnd)
            explanation = "torch-lr-finder skips the first \(skipStart) and the last \(skipEnd) steps"
        } else {
            let numIterations = options.numIterations ?? count
            guard numIterations >= 0 else { throw .invalidOption(method: method, reason: "num_it cannot be negative, got \(numIterations)") }
            if method == .slide {
                guard options.slideWindow >= 1 else { throw .invalidOption(method: method, reason: "lr_diff must be at least 1, got \(options.slideWindow)") }
                guard options.slideThreshold >= 0 else { throw .invalidOption(method: method, reason: "thresh cannot be negative, got \(options.slideThreshold)") }
            }
            (skipStart, skipEnd) = (numIterations / 10, 5)
            explanation = "fastai's lr_find drops the first num_it//10 = \(skipStart) and the last 5 steps"
        }
        let lower = min(skipStart, count)
        let upper = max(lower, count - skipEnd)
        let cut = losses[lower..<upper].firstIndex { !$0.isFinite } ?? upper
        if cut < upper {
            explanation += " and stops at the non-finite loss of step \(cut)"
        }
        return (lower..<cut, explanation)
    }
}
