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

    /// The schedules a study tries when it is not told which: warmup + cosine, unless the run
    /// names a schedule of its own (nil: every trial keeps that one).
    ///
    /// Why not a constant rate: a trial that decays its rate ends settled instead of bouncing
    /// with its rate's noise, so its value changes smoothly with the rate and the few complete
    /// trials a pruned study affords place the best rate well; and its best run is the recipe
    /// people train with. On the "fresh" data sets of `scripts/tune-vs-grid`, a 16-trial study
    /// with the same sampler and pruner matched a 16-point constant grid's hindsight best on 5
    /// of 18 (data set, seed) pairs with constant-rate trials and on 9 of 18 with warmup + cosine
    /// ones (docs/tuning.md).
    public static func defaultSchedules(for training: RunConfiguration) -> [Schedule]? {
        training.schedule == nil ? [.warmupCosine] : nil
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
