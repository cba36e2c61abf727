import GoldilocksSpec
import Foundation

/// optax's `cosine_decay_schedule`: half a cosine from `initial` to `initial · alpha` over
/// `decaySteps`, then flat.
///
/// `c = min(t, D)`, `lr = initial · ((1 − alpha) · (½(1 + cos(π c / D)))^exponent + alpha)`.
/// Clamped at `D`, unlike PyTorch's `CosineAnnealingLR`. Defaults follow optax: `alpha` 0,
/// `exponent` 1.
public struct CosineDecay: LearningRateSchedule, Codable, Equatable {
    /// The value at step 0.
    public var initial: Double
    /// The length of the decay.
    public var decaySteps: Int
    /// The final value as a fraction of `initial`.
    public var alpha: Double
    /// The power applied to the cosine factor.
    public var exponent: Double

    /// A cosine decay; throws unless `decaySteps` is positive and `exponent` is not negative.
    public init(initial: Double, decaySteps: Int, alpha: Double = 0, exponent: Double = 1) throws(SpecError) {
        guard decaySteps > 0 else { throw SpecError.inconsistent(owner: nil, reason: "cosine_decay_schedule requires positive decay_steps, not \(decaySteps)") }
        guard exponent >= 0 else { throw SpecError.outOfRange(owner: "cosine_decay_schedule", parameter: "exponent", requirement: "≥ 0 (a negative one gives an infinite learning rate)", value: "\(exponent)") }
        self.initial = initial
        self.decaySteps = decaySteps
        self.alpha = alpha
        self.exponent = exponent
    }

    public func callAsFunction(_ step: Int) -> Double {
        let count = Double(min(step, decaySteps))
        let cosine = 0.5 * (1 + cos(Double.pi * count / Double(decaySteps)))
        return initial * ((1 - alpha) * pow(cosine, exponent) + alpha)
    }
}
