import Foundation

/// The percentile rule, deciding exactly as Optuna 5.0.0's `PercentilePruner` (`interval_steps`
/// 1, `n_min_trials` 1); at the 50th percentile it is Optuna's `MedianPruner`.
///
/// A trial is pruned after an epoch when its best loss so far is worse than the `percentile`-th
/// percentile of the losses that the complete trials reported at the same epoch: at 10, a trial
/// goes on only while it is about as good as the best complete trials were at that point. It is
/// never pruned while fewer than `startupTrials` trials are complete (pruned and running trials
/// do not count), before epoch `warmupEpochs` (Optuna's `n_warmup_steps`, on epochs counted from
/// 1: with 2, the first decision is after the second epoch), or when no complete trial reported
/// that epoch.
///
/// The percentile is NumPy's `nanpercentile(values, percentile)`, linear interpolation included,
/// NaNs left out; like NumPy's, it is NaN (and prunes nothing) when an infinite value meets the
/// interpolation.
///
/// **Diverged trials.** A trial whose latest loss is NaN or infinite is pruned at once. Optuna
/// compares the best loss so far, which ignores NaN, so it lets a trial that has just diverged
/// train on while an earlier loss was good; a loss that has overflowed never comes back, so
/// training on is wasted (the one place these decisions differ from Optuna's, listed in the
/// fixture test).
public struct PercentilePruner: Pruner {
    /// The percentile of the complete trials' losses a trial must stay at or below (0–100).
    public let percentile: Double
    /// Complete trials needed before anything is pruned (Optuna's `n_startup_trials`, 5).
    public let startupTrials: Int
    /// No pruning before this epoch (Optuna's `n_warmup_steps`, 0).
    public let warmupEpochs: Int

    /// Defaults follow Optuna's `MedianPruner`: the 50th percentile, 5 startup trials, no warmup.
    /// `percentile` is clamped to 0…100.
    public init(percentile: Double = 50, startupTrials: Int = 5, warmupEpochs: Int = 0) {
        self.percentile = percentile.isNaN ? 50 : min(max(percentile, 0), 100)
        self.startupTrials = max(startupTrials, 0)
        self.warmupEpochs = max(warmupEpochs, 0)
    }

    public func pruningReason(_ trial: TrialRecord, trials: [TrialRecord]) -> String? {
        guard let step = trial.lastStep, let latest = trial.intermediateValues[step] else { return nil }
        if !latest.isFinite { return "its validation loss at epoch \(step) is not finite" }
        let complete = trials.filter { $0.state == .complete && $0.id != trial.id }
        if complete.isEmpty || complete.count < startupTrials { return nil }
        if step < warmupEpochs { return nil }
        // Optuna's `_is_first_in_interval_step` with an interval of 1: the epoch before this
        // one was reported earlier, not later (a re-reported earlier epoch is not judged).
        if let previous = trial.intermediateValues.keys.filter({ $0 != step }).max(), previous >= step { return nil }
        let finite = trial.intermediateValues.values.filter { !$0.isNaN }
        guard let best = finite.min() else { return "no validation loss of it is a number" }
        let atStep = complete.compactMap { $0.intermediateValues[step] }
        if atStep.isEmpty { return nil }
        let threshold = Self.percentile(percentile, of: atStep)
        if threshold.isNaN || best <= threshold { return nil }
        let bar = percentile == 0 ? "the best" : percentile == 100 ? "the worst" : "the \(String(format: "%g", percentile))th percentile"
        let whose = atStep.count == 1 ? "the complete trial's" : "the \(atStep.count) complete trials'"
        return "its best loss by epoch \(step), \(prunedValue(best)), is above \(prunedValue(threshold)), \(bar) of \(whose) at that epoch"
    }

    /// NumPy's `nanpercentile(values, q)` with its default linear method: NaNs dropped, then the
    /// two values around position q/100·(n − 1) interpolated by NumPy's `_lerp` (a + (b − a)·t, or
    /// b − (b − a)·(1 − t) for t ≥ 0.5), whose arithmetic gives NaN when it meets an infinity.
    static func percentile(_ q: Double, of values: [Double]) -> Double {
        let sorted = values.filter { !$0.isNaN }.sorted()
        guard !sorted.isEmpty else { return .nan }
        let position = q / 100 * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let t = position - Double(lower)
        let (a, b) = (sorted[lower], sorted[upper])
        let difference = b - a
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    }
}
