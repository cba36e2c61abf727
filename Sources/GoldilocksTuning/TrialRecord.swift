import Foundation
import GoldilocksSpec

/// One trial of a study as the storage holds it: Optuna's trial with its parameters, intermediate
/// values, value and attributes.
public struct TrialRecord: Sendable, Equatable {
    /// The storage's own key for the trial (`trials.trial_id`), unique across studies.
    public var id: Int
    /// The trial's number within its study, counted from 0 in the order trials were created.
    public var number: Int
    public var state: TrialState
    /// The sampled parameters by name (`lr`, and `schedule`, `optimizer`, `weight_decay` when searched).
    public var parameters: [String: ParameterValue]
    /// The best validation loss so far after each epoch, by epochs completed (1, 2, …): what
    /// pruners read.
    /// NaN and ±inf are kept as such.
    public var intermediateValues: [Int: Double]
    /// The best validation loss of a complete trial (+inf when it diverged); nil otherwise. A pruned
    /// trial's value is its last intermediate value, as Optuna records it.
    public var value: Double?
    public var started: Date?
    public var completed: Date?
    /// Optuna's user attributes: Goldilocks keeps `steps` (optimizer steps trained), `log_dir`,
    /// for a retried trial `retry_of` (the failed trial's number), and for a pruned one
    /// `pruned_because` (the pruner's reason, naming what it fell behind).
    public var attributes: [String: JSONValue]

    public init(
        id: Int, number: Int, state: TrialState, parameters: [String: ParameterValue],
        intermediateValues: [Int: Double] = [:], value: Double? = nil, started: Date? = nil, completed: Date? = nil,
        attributes: [String: JSONValue] = [:]
    ) {
        (self.id, self.number, self.state, self.parameters) = (id, number, state, parameters)
        (self.intermediateValues, self.value, self.started, self.completed) = (intermediateValues, value, started, completed)
        self.attributes = attributes
    }

    /// The trial's learning rate.
    public var learningRate: Double? { parameters["lr"]?.floatValue }
    /// The last step reported, if any.
    public var lastStep: Int? { intermediateValues.keys.max() }
}
