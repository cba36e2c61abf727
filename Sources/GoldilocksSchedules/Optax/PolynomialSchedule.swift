import Foundation

/// optax's `polynomial_schedule` (and `linear_schedule`, power 1): from `initial` to `end`
/// over `transitionSteps` steps, starting at `transitionBegin`.
///
/// `c = clip(t − begin, 0, steps)`, `lr = (initial − end)(1 − c/steps)^power + end`. As in optax,
/// `transitionSteps ≤ 0` gives a constant `initial`, and a negative `transitionBegin` counts as 0.
public struct PolynomialSchedule: LearningRateSchedule, Codable, Equatable {
    /// The value before and at the start of the transition.
    public var initial: Double
    /// The value from the end of the transition on.
    public var end: Double
    /// The power of the polynomial (1 is linear).
    public var power: Double
    /// The length of the transition.
    public var transitionSteps: Int
    /// The step at which the transition starts.
    public var transitionBegin: Int

    /// A polynomial transition from `initial` to `end`.
    public init(initial: Double, end: Double, power: Double = 1, transitionSteps: Int, transitionBegin: Int = 0) {
        self.initial = initial
        self.end = end
        self.power = power
        self.transitionSteps = transitionSteps
        self.transitionBegin = max(0, transitionBegin)
    }

    public func callAsFunction(_ step: Int) -> Double {
        guard transitionSteps > 0 else { return initial }
        let done = Double(min(max(step - transitionBegin, 0), transitionSteps))
        return (initial - end) * pow(1 - done / Double(transitionSteps), power) + end
    }
}
