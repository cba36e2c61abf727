/// What a loss curve says about its learning rate, in the terms practitioners use.
///
/// The raw values are the JSON names of the `goldilocks diagnose` contract.
public enum Verdict: String, Codable, Sendable, CaseIterable {
    /// Smooth, steady decrease, or converged: keep the learning rate.
    case healthy
    /// Not decreasing, or decreasing very slowly, without noise: the learning rate is too small.
    case tooSlow = "too_slow"
    /// Jumping up and down without progress: the learning rate is too large.
    case oscillating
    /// Rising, exploding or not a number: the learning rate is far too large.
    case diverged
    /// Progress, then stuck: the learning rate was good and is now too large; decay it.
    case plateau
}
