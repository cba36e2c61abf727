import Foundation

/// Watches the loss as a run goes and rescues it from divergence: on a non-finite loss, or a
/// smoothed loss far above the best so far, it asks the trainer to restore the last good
/// weights and optimizer state and to divide the learning rate, then keeps watching.
///
/// The smoothing is fastai's debiased exponential moving average (β = 0.98), so single noisy
/// mini-batches do not trigger it; divergence means the smoothed loss passing
/// `divergenceFactor` × its best (fastai's range test stops at 4×). After `maximumRescues`
/// rescues the run is stopped with a message instead: the problem is not the learning rate alone.
public final class DivergenceGuard: TrainingCallback {
    public let learningRateFactor: Double
    public let divergenceFactor: Double
    public let maximumRescues: Int
    /// Steps after a start or a rescue before a rising loss counts (a non-finite one always does).
    public let warmupSteps: Int
    /// Told once per rescue, in words, what the guard did (the CLI prints it).
    public var report: (String) -> Void

    public private(set) var rescues = 0
    private var average = 0.0, seen = 0, best = Double.infinity

    /// Defaults: ÷10 per rescue, divergence at 4× the best smoothed loss, at most 3 rescues.
    public init(
        learningRateFactor: Double = 0.1, divergenceFactor: Double = 4, maximumRescues: Int = 3, warmupSteps: Int = 10,
        report: @escaping (String) -> Void = { _ in }
    ) {
        self.learningRateFactor = learningRateFactor
        self.divergenceFactor = divergenceFactor
        self.maximumRescues = maximumRescues
        self.warmupSteps = warmupSteps
        self.report = report
    }

    public func stepEnded(_ record: StepRecord) -> TrainingDecision {
        let problem: String
        if !record.loss.isFinite {
            problem = "the loss became \(record.loss.isNaN ? "NaN" : "infinite") at step \(record.step)"
        } else {
            seen += 1
            average = 0.98 * average + 0.02 * record.loss
            let smoothed = average / (1 - pow(0.98, Double(seen)))
            best = min(best, smoothed)
            guard seen > warmupSteps, smoothed > divergenceFactor * best else { return .continue }
            problem = "the smoothed loss rose to \(short(smoothed)), \(short(smoothed / best))× its best, at step \(record.step)"
        }
        guard rescues < maximumRescues else {
            return .stop(
                reason: "\(problem); the guard gave up after \(rescues) rescues (the learning rate is now "
                    + "\(short(record.learningRate)); look at the data, the model or the loss, not only the learning rate)")
        }
        rescues += 1
        let rate = record.learningRate * learningRateFactor
        report(
            "guard: \(problem); restored the last good weights and lowered the learning rate "
                + "from \(short(record.learningRate)) to \(short(rate)) (rescue \(rescues) of at most \(maximumRescues))")
        (average, seen, best) = (0, 0, .infinity)
        return .restore(learningRateFactor: learningRateFactor, reason: problem)
    }
}

/// Three significant digits, for messages.
func short(_ value: Double) -> String { String(format: "%.3g", value) }
