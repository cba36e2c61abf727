/// Asynchronous successive halving (ASHA), deciding exactly as Optuna 5.0.0's
/// `SuccessiveHalvingPruner` and, with several brackets, its `HyperbandPruner`.
///
/// **Rungs.** A trial in bracket b meets rung k after `minResource · reductionFactor^(b + k)`
/// epochs (Optuna's `min_early_stopping_rate` is the bracket). With the defaults (1, 3) the rungs
/// are at epochs 1, 3, 9, 27, ….
///
/// **Promotion.** When a trial reports the epoch of its next rung, its loss there is compared
/// with the losses of every other trial of its bracket that reached the rung (in any state:
/// running, complete, pruned or failed), itself included: with n such values it goes on when
/// its loss is at most the ⌊n/reductionFactor⌋-th smallest, or, while n < reductionFactor, only
/// when it is the smallest so far. Otherwise it is pruned. There is no maximum resource: a trial
/// promoted at its last rung trains to the end. Asynchronous: a trial never waits for others to
/// reach its rung, so early trials are judged against few.
///
/// **Rung values.** Optuna writes a trial's loss at each rung it passes into a system
/// attribute (`completed_rung_k`). The values here are read from the trials' intermediate
/// values instead: a trial's rung-k value is its loss at the first epoch it reported at or past
/// the rung. Goldilocks reports every epoch and asks the pruner after each, so that is the
/// epoch of the rung and exactly the value Optuna records; a NaN there is never recorded (Optuna
/// prunes before writing it), and an infinite one is (it loses every comparison).
///
/// **Brackets.** With `brackets` > 1 the trials are spread over brackets as Optuna's Hyperband
/// spreads them when its `max_resource` gives it that many brackets (any value from
/// `minResource · reductionFactor^(brackets − 1)` up to, not including, the next power): bracket b
/// gets a share ⌈B · rf^s / (s + 1)⌉ with s = B − 1 − b, the most aggressive bracket the most
/// trials, and trial n's bracket is `crc32("<study name>_<n>")` modulo the total share. Trials
/// compete only within their bracket.
///
/// **Diverged trials.** A trial whose latest loss is NaN or infinite is pruned at once, at any
/// epoch. Optuna prunes a NaN only at a rung's epoch, and lets an infinite loss through while
/// it is the only one at its rung; a loss that has overflowed never comes back, so training on
/// is wasted (the one place these decisions differ from Optuna's, listed in the fixture test).
public struct SuccessiveHalvingPruner: Pruner {
    /// Epochs before the first rung of bracket 0 (Optuna's `min_resource`), at least 1.
    public let minResource: Int
    /// Each rung keeps the best 1/`reductionFactor` (Optuna's `reduction_factor`), at least 2.
    public let reductionFactor: Int
    /// How many brackets the trials are spread over, from 1 to 64 (past 63 brackets the first
    /// rung of the last would come after more epochs than an Int holds).
    public let brackets: Int
    /// The study's name, which picks each trial's bracket as Optuna's Hyperband does.
    public let studyName: String
    private let shares: [Int]

    /// Defaults follow `PrunerChoice.asha`: rungs at 1, 3, 9, … epochs, one bracket.
    public init(minResource: Int = 1, reductionFactor: Int = 3, brackets: Int = 1, studyName: String = "") {
        self.minResource = max(minResource, 1)
        self.reductionFactor = max(reductionFactor, 2)
        self.brackets = min(max(brackets, 1), 64)
        self.studyName = studyName
        let count = self.brackets, rf = self.reductionFactor
        shares = (0..<count).map { bracket in
            let s = count - 1 - bracket
            var power = 1
            for _ in 0..<s { power = power.multipliedReportingOverflow(by: rf).overflow ? Int.max / (2 * count) : power * rf }
            let numerator = count.multipliedReportingOverflow(by: power).overflow ? Int.max / 2 : count * power
            return (numerator + s) / (s + 1)
        }
    }

    /// The bracket of trial `number`: 0 when there is one bracket, else Optuna's Hyperband's
    /// choice by crc32 of "<study name>_<number>".
    public func bracket(ofTrial number: Int) -> Int {
        guard brackets > 1 else { return 0 }
        let total = shares.reduce(0) { $0 &+ $1 }
        guard total > 0 else { return 0 }
        var n = Int(CRC32.checksum("\(studyName)_\(number)".utf8)) % total
        for (bracket, share) in shares.enumerated() {
            n -= share
            if n < 0 { return bracket }
        }
        return brackets - 1
    }

    /// The epoch of rung `rung` in bracket `bracket`, or nil past `Int.max`.
    public func rungEpoch(_ rung: Int, bracket: Int) -> Int? {
        var epoch = minResource
        for _ in 0..<(bracket + rung) {
            let (next, overflow) = epoch.multipliedReportingOverflow(by: reductionFactor)
            if overflow { return nil }
            epoch = next
        }
        return epoch
    }

    public func pruningReason(_ trial: TrialRecord, trials: [TrialRecord]) -> String? {
        guard let step = trial.lastStep, let value = trial.intermediateValues[step] else { return nil }
        if !value.isFinite { return "its validation loss at epoch \(step) is not finite" }
        let own = bracket(ofTrial: trial.number)
        let steps = trial.intermediateValues.keys.sorted()
        // The rungs this trial passed before this epoch, as Optuna's `_get_current_rung` counts them.
        var rung = 0
        while let epoch = rungEpoch(rung, bracket: own), let first = steps.first(where: { $0 >= epoch }), first < step {
            rung += 1
        }
        let rivals = trials.filter { $0.id != trial.id && bracket(ofTrial: $0.number) == own }
        while let epoch = rungEpoch(rung, bracket: own), step >= epoch {
            var competing = rivals.compactMap { rungValue(of: $0, atEpoch: epoch) }
            competing.append(value)
            competing.sort()
            let promotable = max(competing.count / reductionFactor - 1, 0)
            if !(value <= competing[promotable]) {
                return "its loss \(prunedValue(value)) at the rung of epoch \(epoch) is not among the best \(promotable + 1) of \(competing.count) there (at most \(prunedValue(competing[promotable])))"
            }
            rung += 1
        }
        return nil
    }

    /// The loss `trial` recorded at the rung at `epoch`: its value at the first epoch it
    /// reported at or past the rung, unless that is NaN.
    private func rungValue(of trial: TrialRecord, atEpoch epoch: Int) -> Double? {
        guard let first = trial.intermediateValues.keys.filter({ $0 >= epoch }).min(),
            let value = trial.intermediateValues[first], !value.isNaN
        else { return nil }
        return value
    }
}
