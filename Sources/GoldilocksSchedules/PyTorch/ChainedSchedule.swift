import GoldilocksSpec
import Foundation

/// PyTorch's `ChainedScheduler`: every scheduler steps each step, in order, each rescaling the
/// learning rate the previous one left, so their factors multiply.
///
/// Starting from the base learning rate, each scheduler's initial step (its construction) is
/// applied in order, then at each step `t` each scheduler's `learningRate(at: t, current:)`.
/// ConstantLR(0.1, 3) chained with ExponentialLR(0.9) gives `b · 0.9^t · (0.1 if t < 3 else 1)`.
public struct ChainedSchedule: PyTorchScheduler, Codable {
    /// The optimizer's learning rate, PyTorch's `initial_lr`.
    public var learningRate: Double
    /// The chained schedulers, in the order they step.
    public var schedules: [any PyTorchScheduler]

    /// A chain; throws when empty.
    public init(learningRate: Double, schedules: [any PyTorchScheduler]) throws(SpecError) {
        guard !schedules.isEmpty else { throw SpecError.inconsistent(owner: nil, reason: "ChainedScheduler needs at least one scheduler") }
        self.learningRate = learningRate
        self.schedules = schedules
    }

    /// Each scheduler's update at `epoch`, in order, from `current`.
    public func learningRate(at epoch: Int, current: Double) -> Double {
        schedules.reduce(current) { lr, schedule in schedule.learningRate(at: epoch, current: lr) }
    }

    /// The next value of the recursion: each scheduler's update at `step` from the previous rate.
    public func value(at step: Int, previous: Double?) -> Double {
        learningRate(at: step, current: previous ?? learningRate)
    }

    /// Runs the recursion up to `step`: time proportional to `step`, constant memory (use
    /// `values(count:)` or `ScheduleRows` for a run).
    public func callAsFunction(_ step: Int) -> Double {
        var lr = learningRate
        for epoch in 0...max(step, 0) { lr = learningRate(at: epoch, current: lr) }
        return lr
    }

    /// The momentum of the last scheduler that cycles it (it writes last).
    public func momentum(at step: Int) -> Double? {
        schedules.reversed().lazy.compactMap { $0.momentum(at: step) }.first
    }

    public var lastStep: Int? { schedules.compactMap(\.lastStep).min() }

    private enum CodingKeys: String, CodingKey { case learningRate, schedules }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        learningRate = try container.decode(Double.self, forKey: .learningRate)
        var list = try container.nestedUnkeyedContainer(forKey: .schedules)
        let decoded = try ScheduleCoding.decode(from: &list)
        schedules = decoded.compactMap { $0 as? any PyTorchScheduler }
        guard schedules.count == decoded.count, !schedules.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .schedules, in: container, debugDescription: "not a valid ChainedScheduler")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(learningRate, forKey: .learningRate)
        var list = container.nestedUnkeyedContainer(forKey: .schedules)
        try ScheduleCoding.encode(schedules, to: &list)
    }
}
