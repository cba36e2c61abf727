/// Decides whether a running trial stops after an epoch, from its intermediate values and the
/// other trials'. Pure: everything it needs is in the trials it is given.
public protocol Pruner: Sendable {
    /// Whether `trial` (its intermediate values up to the epoch just reported) should stop now.
    /// `trials` is every trial of the study, `trial` included.
    func shouldPrune(_ trial: TrialRecord, trials: [TrialRecord]) -> Bool
}
