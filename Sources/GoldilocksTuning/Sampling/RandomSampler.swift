import GoldilocksCore

/// Draws every parameter independently: the learning rate (and weight decay) log-uniformly over
/// its range, each categorical parameter uniformly over its choices, as Optuna's
/// `RandomSampler` does.
///
/// The draws of trial `number` come from their own stream, `SeededGenerator(seed: seed,
/// purpose: .trialSampling(number:))`, so they depend only on the study's seed and the trial's
/// number: a worker that samples trial 7 gets the same parameters whichever machine it runs
/// on and whatever other trials exist.
public struct RandomSampler: Sampler {
    /// The study's seed.
    public var seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
    }

    public func parameters(forTrial number: Int, in space: SearchSpace, trials: [TrialRecord]) -> [String: ParameterValue] {
        var generator = SeededGenerator(seed: seed, purpose: .trialSampling(number: number))
        var parameters: [String: ParameterValue] = [:]
        for (name, distribution) in space.parameters {
            parameters[name] = distribution.randomValue(using: &generator)
        }
        return parameters
    }
}
