import Foundation

/// optax's `exponential_decay`: `initial · rate^((t − begin) / steps)`, continuous or in stairs.
///
/// Before and at `transitionBegin` the value is `initial`. `staircase` floors the exponent.
/// `end` bounds the value (below when `rate < 1`, above otherwise). As in optax,
/// `transitionSteps ≤ 0` or `decayRate == 0` give a constant `initial`.
public struct ExponentialDecay: LearningRateSchedule, Codable, Equatable {
    /// The value up to `transitionBegin`.
    public var initial: Double
    /// Steps over which the value is multiplied by `decayRate`.
    public var transitionSteps: Int
    /// The factor per `transitionSteps` steps.
    public var decayRate: Double
    /// The step at which the decay starts.
    public var transitionBegin: Int
    /// Whether the decay happens in whole `transitionSteps` stairs.
    public var staircase: Bool
    /// The bound the value stops at, if any.
    public var end: Double?

    /// An exponential decay.
    public init(
        initial: Double, transitionSteps: Int, decayRate: Double, transitionBegin: Int = 0, staircase: Bool = false,
        end: Double? = nil
    ) {
        self.initial = initial
        self.transitionSteps = transitionSteps
        self.decayRate = decayRate
        self.transitionBegin = max(0, transitionBegin)
        self.staircase = staircase
        self.end = end
    }

    public func callAsFunction(_ step: Int) -> Double {
        guard transitionSteps > 0, decayRate != 0 else { return initial }
        let elapsed = step - transitionBegin
        var exponent = Double(elapsed) / Double(transitionSteps)
        if staircase { exponent.round(.down) }
        let value = elapsed <= 0 ? initial : initial * pow(decayRate, exponent)
        guard let end else { return value }
        return decayRate < 1 ? max(value, end) : min(value, end)
    }
}
