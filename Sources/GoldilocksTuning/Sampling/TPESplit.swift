/// How TPE divides a study's trials into the good ("below", fitted by l(x)) and the rest
/// ("above", fitted by g(x)), as Optuna 5.0.0's `_split_trials` does for one objective to
/// minimise, except that a diverged trial is never good.
enum TPESplit {
    /// Optuna's `default_gamma`: how many of `n` finished trials count as good, min(⌈0.1·n⌉, 25).
    static func goodCount(finished n: Int) -> Int {
        min((n + 9) / 10, 25)
    }

    /// Splits `trials` (complete, pruned, and running ones as liars) so that `below` holds the
    /// `count` best finished trials, taken in this order:
    /// 1. complete trials, by value;
    /// 2. pruned trials, by Optuna's `_get_pruned_trial_score`: those that got further first,
    ///    then by their last intermediate value, and trials with no value last;
    /// 3. diverged trials: complete ones whose value is not finite, pruned ones whose last
    ///    value is not finite, by number.
    /// Running trials always go above: their outcome is unknown, and counting them as bad (the
    /// constant liar) steers parallel workers away from the rates others are trying. Ties keep
    /// trial-number order, as Python's stable sort does. Both halves come back by number.
    ///
    /// Step 3 is the one difference from Optuna, which ranks an infinite loss by its value and
    /// a pruned trial's NaN as +inf after its step, so that a trial that diverged late outranks
    /// a healthy one pruned early. A run whose loss is gone says only that its rate is too
    /// high; fitting l(x) to it would send the next trials where runs diverge. With finite
    /// losses the split is Optuna's (checked on its own `_split_trials` in the tests).
    static func split(_ trials: [TrialRecord], below count: Int) -> (below: [TrialRecord], above: [TrialRecord]) {
        let byNumber = trials.sorted { $0.number < $1.number }
        let finished = byNumber.filter { $0.state.isFinished }
        let healthy = finished.filter { !isDiverged($0) }
        let complete = stableSorted(healthy.filter { $0.state == .complete }) { ($0.value ?? .infinity) < ($1.value ?? .infinity) }
        let pruned = stableSorted(healthy.filter { $0.state == .pruned }) { prunedScore($0) < prunedScore($1) }
        let ranked = complete + pruned + finished.filter(isDiverged)
        let good = max(0, min(count, ranked.count))
        let below = ranked.prefix(good).sorted { $0.number < $1.number }
        let above = (ranked.dropFirst(good) + byNumber.filter { !$0.state.isFinished }).sorted { $0.number < $1.number }
        return (below, above)
    }

    /// Whether a finished trial's loss is gone: a complete trial without a finite value, or a
    /// pruned trial whose last reported value is not finite.
    static func isDiverged(_ trial: TrialRecord) -> Bool {
        switch trial.state {
        case .complete:
            return !(trial.value?.isFinite ?? false)
        default:
            guard let step = trial.lastStep, let value = trial.intermediateValues[step] else { return false }
            return !value.isFinite
        }
    }

    /// (−last step, last value): later steps rank first; no intermediate value ranks last (1, 0).
    private static func prunedScore(_ trial: TrialRecord) -> (Double, Double) {
        guard let step = trial.lastStep, let value = trial.intermediateValues[step] else { return (1, 0) }
        return (-Double(step), value)
    }

    private static func stableSorted(_ trials: [TrialRecord], by less: (TrialRecord, TrialRecord) -> Bool) -> [TrialRecord] {
        trials.enumerated().sorted { lhs, rhs in
            if less(lhs.element, rhs.element) { return true }
            if less(rhs.element, lhs.element) { return false }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
