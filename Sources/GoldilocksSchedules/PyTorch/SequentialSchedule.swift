import GoldilocksSpec
import Foundation

/// PyTorch's `SequentialLR`: one scheduler after another, each switching in at a milestone.
///
/// Scheduler `i` runs from its own epoch 0 at milestone `i − 1`, from the optimizer's base
/// learning rate (PyTorch resets it with the closed form at the milestone), like optax's
/// `join_schedules`.
public struct SequentialSchedule: PyTorchScheduler, Codable {
    /// The schedulers, in order.
    public var schedules: [any PyTorchScheduler]
    /// The steps at which the next scheduler takes over (one fewer than `schedules`, sorted).
    public var milestones: [Int]

    /// A sequence; throws unless there is one milestone fewer than schedulers, in order.
    public init(schedules: [any PyTorchScheduler], milestones: [Int]) throws(SpecError) {
        guard !schedules.isEmpty else { throw SpecError.inconsistent(owner: nil, reason: "SequentialLR needs at least one scheduler") }
        guard milestones.count == schedules.count - 1 else {
            throw SpecError.inconsistent(
                owner: nil,
                reason: "SequentialLR needs one milestone fewer than schedulers: \(schedules.count) schedulers, \(milestones.count) milestones")
        }
        guard milestones == milestones.sorted() else { throw SpecError.outOfRange(owner: "SequentialLR", parameter: "milestones", requirement: "in increasing order", value: "\(milestones)") }
        self.schedules = schedules
        self.milestones = milestones
    }

    /// The scheduler in charge at `step` and its local epoch.
    private func active(_ step: Int) -> (index: Int, epoch: Int) {
        let index = milestones.count { $0 <= step }
        return (index, index == 0 ? step : step - milestones[index - 1])
    }

    public func callAsFunction(_ step: Int) -> Double {
        let (index, epoch) = active(step)
        return schedules[index](epoch)
    }

    public func momentum(at step: Int) -> Double? {
        let (index, epoch) = active(step)
        return schedules[index].momentum(at: epoch)
    }

    /// At a milestone, the next scheduler's closed form at 0; otherwise its recursive step.
    public func learningRate(at epoch: Int, current: Double) -> Double {
        let (index, local) = active(epoch)
        if index > 0 && local == 0 { return schedules[index](0) }
        return schedules[index].learningRate(at: local, current: current)
    }

    private enum CodingKeys: String, CodingKey { case schedules, milestones }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var list = try container.nestedUnkeyedContainer(forKey: .schedules)
        let decoded = try ScheduleCoding.decode(from: &list)
        schedules = decoded.compactMap { $0 as? any PyTorchScheduler }
        milestones = try container.decode([Int].self, forKey: .milestones)
        guard schedules.count == decoded.count, milestones.count == schedules.count - 1 else {
            throw DecodingError.dataCorruptedError(forKey: .schedules, in: container, debugDescription: "not a valid SequentialLR")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var list = container.nestedUnkeyedContainer(forKey: .schedules)
        try ScheduleCoding.encode(schedules, to: &list)
        try container.encode(milestones, forKey: .milestones)
    }
}
