@_exported import GoldilocksSpec

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

    /// The last step the schedule is defined for, or `nil` when it goes on for ever.
    ///
    /// PyTorch's `OneCycleLR` raises past `total_steps`; its value there is an extrapolation.
    var lastStep: Int? { get }

    /// The learning rate of `step`, given the rate of the step before (`nil` at step 0).
    ///
    /// The same as `self(step)`; schedules defined by a recursion (PyTorch's `ChainedScheduler`)
    /// take the next step from the previous value in constant time, so a run of any length costs
    /// one evaluation per step (see `values(count:)` and `ScheduleRows`).
    func value(at step: Int, previous: Double?) -> Double
}

extension LearningRateSchedule {
    public func momentum(at step: Int) -> Double? { nil }

    public var lastStep: Int? { nil }

    public func value(at step: Int, previous: Double?) -> Double { self(step) }

    /// The learning rates of steps `0..<count`, one evaluation per step.
    public func values(count: Int) -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(max(0, count))
        var previous: Double?
        for step in 0..<max(0, count) {
            let value = value(at: step, previous: previous)
            result.append(value)
            previous = value
        }
        return result
    }
}
