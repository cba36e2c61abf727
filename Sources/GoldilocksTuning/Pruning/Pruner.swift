import Foundation

/// Decides whether a running trial stops after an epoch, from its intermediate values and the
/// other trials'. Pure: everything it needs is in the trials it is given.
public protocol Pruner: Sendable {
    /// Why `trial` (its intermediate values up to the epoch just reported) should stop now, in
    /// words that name what it fell behind; nil when it goes on. `trials` is every trial of the
    /// study, `trial` included.
    func pruningReason(_ trial: TrialRecord, trials: [TrialRecord]) -> String?
}

extension Pruner {
    /// Whether `trial` should stop now: `pruningReason` gives a reason.
    public func shouldPrune(_ trial: TrialRecord, trials: [TrialRecord]) -> Bool {
        pruningReason(trial, trials: trials) != nil
    }
}

/// A loss in a pruning reason: four significant digits, as the study table prints values.
func prunedValue(_ value: Double) -> String { String(format: "%.4g", value) }
