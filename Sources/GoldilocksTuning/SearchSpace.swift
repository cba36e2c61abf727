import GoldilocksTraining

/// What a study searches: the learning rate, always, on a log scale, and optionally the schedule,
/// the optimizer and the weight decay around it. Parameter names are the ones `study` prints and
/// Optuna reads: `lr`, `schedule`, `optimizer`, `weight_decay`.
public struct SearchSpace: Sendable, Equatable, Codable {
    /// The schedules a study may try, each built from the trial's learning rate and the run's length.
    public enum Schedule: String, Sendable, Codable, CaseIterable {
        /// The learning rate held for the whole run.
        case constant
        /// PyTorch's OneCycleLR with the trial's rate as its peak.
        case oneCycle = "one_cycle"
        /// transformers' linear warmup (10% of the steps) then cosine decay to zero.
        case warmupCosine = "warmup_cosine"
    }

    /// The learning rates searched, log-uniformly.
    public var learningRate: ClosedRange<Double>
    /// The schedules tried; nil keeps the run's own (constant unless the configuration names one).
    public var schedules: [Schedule]?
    /// The optimizers tried by name (`SGD`, `Adam`, `AdamW`, …); nil keeps the run's own.
    public var optimizers: [String]?
    /// The weight decays searched, log-uniformly; nil keeps the run's own.
    public var weightDecay: ClosedRange<Double>?

    public init(
        learningRate: ClosedRange<Double> = 1e-5...1, schedules: [Schedule]? = nil, optimizers: [String]? = nil,
        weightDecay: ClosedRange<Double>? = nil
    ) {
        self.learningRate = learningRate
        self.schedules = schedules
        self.optimizers = optimizers
        self.weightDecay = weightDecay
    }

    /// The schedules a study tries when it is not told which: constant and warmup + cosine,
    /// unless the run names a schedule of its own (nil: every trial keeps that one).
    ///
    /// Why both: TPE's placed trials walk a ladder of constant rates (`LadderWalk`), whose best
    /// rung is the best a hand-run grid of those rates would find, and then try warmup + cosine
    /// a rung above it, which ends lower on most data sets (a decayed rate ends settled instead
    /// of bouncing with its noise) but not on all; TPE then searches both. Replayed on 13 data
    /// sets' dense curves (`scripts/tune-replay`), this met issue 16's target in 36 of 52
    /// studies, against 32 for a walk of warmup + cosine runs alone and 27 for the earlier
    /// default (warmup + cosine trials placed by a parabola).
    public static func defaultSchedules(for training: RunConfiguration) -> [Schedule]? {
        training.schedule == nil ? [.constant, .warmupCosine] : nil
    }

    /// The parameters in the order they are sampled and stored, with their distributions.
    public var parameters: [(name: String, distribution: Distribution)] {
        var list: [(String, Distribution)] = [
            ("lr", .float(low: learningRate.lowerBound, high: learningRate.upperBound, log: true))
        ]
        if let schedules { list.append(("schedule", .categorical(choices: schedules.map(\.rawValue)))) }
        if let optimizers { list.append(("optimizer", .categorical(choices: optimizers))) }
        if let weightDecay { list.append(("weight_decay", .float(low: weightDecay.lowerBound, high: weightDecay.upperBound, log: true))) }
        return list
    }
}
