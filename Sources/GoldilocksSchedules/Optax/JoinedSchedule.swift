import GoldilocksSpec
import Foundation

/// optax's `join_schedules`: schedule `i` takes over at boundary `i − 1` and runs from its own
/// step 0 there.
///
/// `out = s₀(t); for (b, s) in zip(boundaries, rest) { out = t < b ? out : s(t − b) }`.
/// Also the way to compose in Swift: `warmup(steps:from:)` and `followed(by:at:)` build one.
public struct JoinedSchedule: LearningRateSchedule, Codable {
    /// The schedules, in order.
    public var schedules: [any LearningRateSchedule]
    /// Where each schedule after the first takes over.
    public var boundaries: [Int]

    /// A join; throws unless there is one boundary fewer than schedules.
    public init(schedules: [any LearningRateSchedule], boundaries: [Int]) throws(SpecError) {
        guard !schedules.isEmpty else { throw SpecError.inconsistent(owner: nil, reason: "join_schedules needs at least one schedule") }
        guard boundaries.count == schedules.count - 1 else {
            throw SpecError.inconsistent(
                owner: nil,
                reason: "join_schedules needs one boundary fewer than schedules: \(schedules.count) schedules, \(boundaries.count) boundaries")
        }
        self.schedules = schedules
        self.boundaries = boundaries
    }

    /// The schedule in charge at `step` and its local step.
    private func active(_ step: Int) -> (index: Int, step: Int) {
        var result = (index: 0, step: step)
        for (index, boundary) in boundaries.enumerated() where step >= boundary {
            result = (index + 1, step - boundary)
        }
        return result
    }

    public func callAsFunction(_ step: Int) -> Double {
        let (index, local) = active(step)
        return schedules[index](local)
    }

    public func momentum(at step: Int) -> Double? {
        let (index, local) = active(step)
        return schedules[index].momentum(at: local)
    }

    /// optax's `warmup_cosine_decay_schedule`: linear from `initial` to `peak` over `warmupSteps`,
    /// then a cosine decay to `end` at `decaySteps` (which counts the warmup), then flat.
    public static func warmupCosineDecay(
        initial: Double, peak: Double, warmupSteps: Int, decaySteps: Int, end: Double = 0, exponent: Double = 1
    ) throws(SpecError) -> JoinedSchedule {
        guard decaySteps > warmupSteps else {
            throw SpecError.inconsistent(
                owner: "warmup_cosine_decay_schedule",
                reason: "decay_steps (\(decaySteps)) counts the warmup and must exceed warmup_steps (\(warmupSteps))")
        }
        let decay = try CosineDecay(initial: peak, decaySteps: decaySteps - warmupSteps, alpha: peak == 0 ? 0 : end / peak, exponent: exponent)
        return try JoinedSchedule(
            schedules: [PolynomialSchedule(initial: initial, end: peak, transitionSteps: warmupSteps), decay], boundaries: [warmupSteps])
    }

    /// optax's `warmup_exponential_decay_schedule`: linear from `initial` to `peak` over
    /// `warmupSteps`, then `exponential_decay` from `peak` (its `transitionBegin` counts from
    /// the end of the warmup).
    public static func warmupExponentialDecay(
        initial: Double, peak: Double, warmupSteps: Int, transitionSteps: Int, decayRate: Double, transitionBegin: Int = 0,
        staircase: Bool = false, end: Double? = nil
    ) throws(SpecError) -> JoinedSchedule {
        let decay = ExponentialDecay(
            initial: peak, transitionSteps: transitionSteps, decayRate: decayRate, transitionBegin: transitionBegin,
            staircase: staircase, end: end)
        return try JoinedSchedule(
            schedules: [PolynomialSchedule(initial: initial, end: peak, transitionSteps: warmupSteps), decay], boundaries: [warmupSteps])
    }

    /// optax's `sgdr_schedule`: cycles one after another, cycle `i` lasting `lengths[i]` steps
    /// (optax joins `warmup_cosine_decay_schedule`s, each lasting its `decay_steps`;
    /// Loshchilov & Hutter 2017).
    public static func sgdr(cycles: [any LearningRateSchedule], lengths: [Int]) throws(SpecError) -> JoinedSchedule {
        guard lengths.count == cycles.count else { throw SpecError.inconsistent(owner: nil, reason: "sgdr_schedule needs one length per cycle") }
        var boundaries: [Int] = []
        var step = 0
        for length in lengths.dropLast() {
            step += length
            boundaries.append(step)
        }
        return try JoinedSchedule(schedules: cycles, boundaries: boundaries)
    }

    /// A join whose lengths are right by construction.
    init(validated schedules: [any LearningRateSchedule], boundaries: [Int]) {
        self.schedules = schedules
        self.boundaries = boundaries
    }

    private enum CodingKeys: String, CodingKey { case schedules, boundaries }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var list = try container.nestedUnkeyedContainer(forKey: .schedules)
        schedules = try ScheduleCoding.decode(from: &list)
        boundaries = try container.decode([Int].self, forKey: .boundaries)
        guard !schedules.isEmpty, boundaries.count == schedules.count - 1 else {
            throw DecodingError.dataCorruptedError(forKey: .boundaries, in: container, debugDescription: "not a valid join")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var list = container.nestedUnkeyedContainer(forKey: .schedules)
        try ScheduleCoding.encode(schedules, to: &list)
        try container.encode(boundaries, forKey: .boundaries)
    }
}
