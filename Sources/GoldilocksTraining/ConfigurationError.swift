/// A run configuration that cannot work, with a message saying what to change.
public enum ConfigurationError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Fewer than 1 epoch.
    case tooFewEpochs(Int)
    /// A batch size below 1.
    case batchSizeTooSmall(Int)
    /// A validation split outside [0, 1).
    case validationSplitOutOfRange(Double)
    /// A hidden layer narrower than 1.
    case badLayerWidth(Int)
    /// A learning rate that is not finite and positive.
    case badLearningRate(Double)
    /// A schedule defined for `steps` steps in a run of `runSteps` (`epochs` epochs of
    /// `stepsPerEpoch` batches when the schedule counts steps, nil when it counts epochs).
    case scheduleTooShort(schedule: String, steps: Int, runSteps: Int, epochs: Int, stepsPerEpoch: Int?)
    /// A `run.json` that cannot be read (`reason` is the system's).
    case unreadable(path: String, reason: String)
    /// A `run.json` without the `key` every run file has.
    case missingKey(path: String, key: String)
    /// A file that does not decode as a `run.json`; `reason` is the decoder's.
    case notARunFile(path: String, reason: String)
    /// A `run.json` whose values cannot work.
    indirect case inFile(path: String, error: ConfigurationError)

    /// What is wrong and what to change.
    public var description: String {
        switch self {
        case let .tooFewEpochs(epochs):
            "epochs must be at least 1, not \(epochs)"
        case let .batchSizeTooSmall(size):
            "the batch size must be at least 1, not \(size)"
        case let .validationSplitOutOfRange(split):
            "the validation split must be in [0, 1), not \(split)"
        case let .badLayerWidth(width):
            "layer widths must be positive, not \(width)"
        case let .badLearningRate(rate):
            "the learning rate must be a positive number, not \(rate)"
        case let .scheduleTooShort(schedule, steps, runSteps, epochs, stepsPerEpoch):
            "\(schedule) is defined for \(steps) steps but this run takes \(runSteps) "
                + (stepsPerEpoch.map { "(\(epochs) epochs × \($0) batches): set its total_steps to \(runSteps)" }
                    ?? "epochs: set its total_steps to \(runSteps)")
        case let .unreadable(path, reason):
            "cannot read \(path): \(reason)"
        case let .missingKey(path, key):
            "\(path) is not a Goldilocks run.json: it has no \"\(key)\""
        case let .notARunFile(path, reason):
            "\(path) is not a Goldilocks run.json: \(reason)"
        case let .inFile(path, error):
            "\(path): \(error)"
        }
    }
}
