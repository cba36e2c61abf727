import GoldilocksTraining

/// Everything that makes a study what it is. Stored with the study when it is created; a worker
/// that joins must bring the same definition, so that workers on several machines share one
/// search and one budget (`StudyStorage.openStudy`).
public struct StudyDefinition: Sendable, Equatable, Codable {
    /// The study's name, unique within its storage.
    public var name: String
    /// The budget: how many trials end complete or pruned. Failed trials are run again and do
    /// not count.
    public var trials: Int
    public var space: SearchSpace
    public var sampler: SamplerChoice
    public var pruner: PrunerChoice
    /// Seeds the sampler; each trial trains with the configuration's own seed.
    public var seed: UInt64
    /// The run every trial trains: data, model, epochs, batch size, optimizer, with the trial's
    /// parameters set on it. The value is its best validation loss.
    public var training: RunConfiguration

    public init(
        name: String, trials: Int, space: SearchSpace = SearchSpace(), sampler: SamplerChoice = .tpe,
        pruner: PrunerChoice = .percentile(), seed: UInt64 = 0, training: RunConfiguration
    ) {
        (self.name, self.trials, self.space, self.sampler, self.pruner) = (name, trials, space, sampler, pruner)
        (self.seed, self.training) = (seed, training)
    }
}

/// How a study picks each trial's parameters.
public enum SamplerChoice: Sendable, Equatable, Codable {
    /// Independent draws from the search space.
    case random
    /// The learning rate on a log-spaced grid of the budget's size (other parameters cycled).
    case grid
    /// Tree-structured Parzen estimators, its first trials drawn around the range test's suggestion.
    case tpe
}

/// How a study stops bad trials early from their validation loss per epoch.
public enum PrunerChoice: Sendable, Equatable, Codable {
    /// Asynchronous successive halving: rungs at `minResource·reductionFactor^k` epochs; a trial
    /// reaching a rung goes on only when it is in the top 1/`reductionFactor` of the trials that
    /// reached it. With several brackets, each trial's bracket shifts its first rung up.
    case asha(minResource: Int = 1, reductionFactor: Int = 3, brackets: Int = 1)
    /// Optuna's percentile rule: prune when the trial's best value so far is worse than the
    /// `percentile`-th percentile of the complete trials' values at the same epoch, once
    /// `startupTrials` trials are complete and after `warmupEpochs` epochs. At 50 it is Optuna's
    /// median rule; at 0 (the default) a trial goes on only while it keeps up with the best.
    case percentile(Double = 0, startupTrials: Int = 5, warmupEpochs: Int = 0)
    /// Every trial runs to the end.
    case none
}
