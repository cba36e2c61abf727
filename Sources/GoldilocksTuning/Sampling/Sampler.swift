/// Picks a trial's parameters from the study's trials so far. Deterministic: the same study
/// seed, trial number and trials give the same parameters, whichever worker asks.
public protocol Sampler: Sendable {
    /// The parameters of trial `number`, given every trial of the study so far (any state).
    func parameters(forTrial number: Int, in space: SearchSpace, trials: [TrialRecord]) -> [String: ParameterValue]
}
