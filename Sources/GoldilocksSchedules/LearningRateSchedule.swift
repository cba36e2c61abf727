/// A learning rate as a pure function of the optimizer step.
///
/// Step 0 is the first optimizer step, as in PyTorch (a scheduler stepped after each
/// `optimizer.step()`) and optax (`fn(count)` with the count of updates already applied).
/// Schedules are values: `Codable` so a run can record them, `Sendable` so runs can share them.
public protocol LearningRateSchedule: Sendable {
    /// The learning rate used by optimizer step `step` (0-based).
    func callAsFunction(_ step: Int) -> Double

    /// The momentum (SGD, RMSprop) or Adam's beta1 that cycles with the learning rate, for the
    /// schedules that cycle it (PyTorch's OneCycleLR and CyclicLR); `nil` for all others.
    func momentum(at step: Int) -> Double?
}

extension LearningRateSchedule {
    public func momentum(at step: Int) -> Double? { nil }
}
