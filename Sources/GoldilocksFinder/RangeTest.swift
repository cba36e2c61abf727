/// The learning-rate range test, independent of any network: it calls a training step at growing
/// learning rates, smooths the losses, stops on divergence and suggests learning rates.
///
/// The step closure trains one mini-batch at the given learning rate and returns its loss. Saving
/// and restoring the weights and optimizer state, and gradient accumulation, are the caller's job.
///
/// ```swift
/// let test = try RangeTest()                       // fastai's lr_find defaults
/// let result = try test.run { lr in try trainer.step(learningRate: lr) }
/// result.suggestion(.valley)?.lr
/// ```
public struct RangeTest: Sendable, Codable, Equatable {
    /// The learning rates to try.
    public let sweep: LearningRateSweep
    /// How losses are smoothed.
    public let smoothing: LossSmoothing
    /// Stop once the smoothed loss exceeds this many times the best smoothed loss so far;
    /// `nil` never stops on divergence. A non-finite loss always stops the test.
    public let divergenceFactor: Double?
    /// The rules to apply to the smoothed curve.
    public let methods: [SuggestionMethod]
    /// The rules' options; `numIterations` defaults to the sweep's iterations, as in `lr_find`.
    public let options: SuggestionOptions

    /// A range test; the defaults are fastai's `lr_find`: 1e-7 to 10 in 100 exponential steps,
    /// debiased EMA β = 0.98, stop above 4 × the best loss, and every rule.
    public init(
        sweep: LearningRateSweep? = nil, smoothing: LossSmoothing = .fastai, divergenceFactor: Double? = 4,
        methods: [SuggestionMethod] = SuggestionMethod.allCases, options: SuggestionOptions = .init()
    ) throws(RangeTestError) {
        try smoothing.validate()
        if let factor = divergenceFactor, !(factor.isFinite && factor > 1) {
            throw RangeTestError.divergenceFactorTooSmall(factor)
        }
        if let sweep {
            self.sweep = sweep
        } else {
            self.sweep = try LearningRateSweep()
        }
        self.smoothing = smoothing
        self.divergenceFactor = divergenceFactor
        self.methods = methods
        var options = options
        options.numIterations = options.numIterations ?? self.sweep.iterations
        self.options = options
    }

    /// torch-lr-finder's `range_test` defaults: `end_lr` 10, 100 iterations, positions
    /// `i/(n-1)`, `smooth_f` 0.05, `diverge_th` 5, and its `steepest` rule first.
    public static func torchLRFinder(
        start: Double, end: Double = 10, iterations: Int = 100, mode: LearningRateSweep.Mode = .exponential
    ) throws(RangeTestError) -> RangeTest {
        try RangeTest(
            sweep: LearningRateSweep(start: start, end: end, iterations: iterations, mode: mode, position: .endpointIncluded),
            smoothing: .torchLRFinder, divergenceFactor: 5,
            methods: [.steepest, .valley, .steep, .minimum, .slide])
    }

    /// Runs the test: `step(lr)` once per learning rate of the sweep, until it ends or diverges.
    ///
    /// At each step: smooth the loss, update the best smoothed loss, stop if the loss is not
    /// finite or the smoothed loss exceeds `divergenceFactor` × best (only while best > 0, where
    /// the ratio means something). The step that stops the test stays in the curve.
    public func run<E: Error>(_ step: (Double) throws(E) -> Double) throws(E) -> RangeTestResult {
        var smoother = LossSmoothing.Smoother(smoothing)
        var lrs: [Double] = []
        var raw: [Double] = []
        var smoothed: [Double] = []
        var best = Double.infinity
        var stop = RangeTestStop.completed
        for i in 0..<sweep.iterations {
            let lr = sweep(i)
            let loss = try step(lr)
            let value = smoother.next(loss)
            lrs.append(lr)
            raw.append(loss)
            smoothed.append(value)
            guard loss.isFinite, value.isFinite else {
                stop = .nonFinite(step: i)
                break
            }
            best = min(best, value)
            if let factor = divergenceFactor, best > 0, value > factor * best {
                stop = .diverged(step: i, factor: factor)
                break
            }
        }
        return RangeTestResult(
            lrs: lrs, rawLosses: raw, smoothedLosses: smoothed, stop: stop, methods: methods, options: options)
    }

    /// Runs the test `repeats` times and aggregates: `makeStep(r)` is called before repeat `r`
    /// (restore the weights, reseed the batches there) and returns that repeat's step closure.
    public func run(
        repeats: Int, _ makeStep: (Int) throws -> (Double) throws -> Double
    ) throws -> RepeatedRangeTestResult {
        guard repeats >= 1 else { throw RangeTestError.tooFewRepeats(repeats) }
        var results: [RangeTestResult] = []
        for r in 0..<repeats {
            results.append(try run(try makeStep(r)))
        }
        return try RepeatedRangeTestResult(repeats: results, test: self)
    }
}
