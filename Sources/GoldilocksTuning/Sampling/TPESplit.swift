/// How TPE divides a study's trials into the good ("below", fitted by l(x)) and the rest
/// ("above", fitted by g(x)), as Optuna 5.0.0's `_split_trials` does for one objective to minimise.
enum TPESplit {
    /// Optuna's `default_gamma`: how many of `n` finished trials count as good, min(⌈0.1·n⌉, 25).
    static func goodCount(finished n: Int) -> Int {
        min((n + 9) / 10, 25)
    }

    /// Splits `trials` (complete, pruned, and running ones as liars) so that `below` holds the
    /// `count` best finished trials:
    /// - complete trials first, by value (a NaN value, which Optuna cannot store, ranks as +inf:
    ///   a diverged trial is never good);
    /// - then, if complete trials are too few, pruned trials, by Optuna's
    ///   `_get_pruned_trial_score`: those that got further first, then by their last
    ///   intermediate value (NaN as +inf), and trials with no value last;
    /// - running trials always go above: their outcome is unknown, and counting them as bad
    ///   (the constant liar) steers parallel workers away from the rates others are trying.
    /// Ties keep trial-number order, as Python's stable sort does. Both halves come back by number.
    static func split(_ trials: [TrialRecord], below count: Int) -> (below: [TrialRecord], above: [TrialRecord]) {
        let byNumber = trials.sorted { $0.number < $1.number }
        let complete = byNumber.filter { $0.state == .complete }
        let pruned = byNumber.filter { $0.state == .pruned }
        let liars = byNumber.filter { !$0.state.isFinished }

        let rankedComplete = stableSorted(complete) { completeScore($0) < completeScore($1) }
        let belowComplete = Array(rankedComplete.prefix(max(0, min(count, complete.count))))
        let remaining = max(0, count - belowComplete.count)
        let rankedPruned = stableSorted(pruned) { prunedScore($0) < prunedScore($1) }
        let belowPruned = Array(rankedPruned.prefix(min(remaining, pruned.count)))

        let below = (belowComplete + belowPruned).sorted { $0.number < $1.number }
        let above = (Array(rankedComplete.dropFirst(belowComplete.count)) + rankedPruned.dropFirst(belowPruned.count) + liars)
            .sorted { $0.number < $1.number }
        return (below, above)
    }

    private static func completeScore(_ trial: TrialRecord) -> Double {
        guard let value = trial.value, !value.isNaN else { return .infinity }
        return value
    }

    /// (−last step, last value): later steps rank first; no intermediate value ranks last (1, 0).
    private static func prunedScore(_ trial: TrialRecord) -> (Double, Double) {
        guard let step = trial.lastStep, let value = trial.intermediateValues[step] else { return (1, 0) }
        return (-Double(step), value.isNaN ? .infinity : value)
    }

    private static func stableSorted(_ trials: [TrialRecord], by less: (TrialRecord, TrialRecord) -> Bool) -> [TrialRecord] {
        trials.enumerated().sorted { lhs, rhs in
            if less(lhs.element, rhs.element) { return true }
            if less(rhs.element, lhs.element) { return false }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
