import GoldilocksData
import GoldilocksNetworks
import GoldilocksOptimizers

/// Training that cannot start or go on with what it was given, with what to change.
public enum TrainingError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The training (or validation) data has no rows.
    case emptyData
    /// A batch with no rows was given to a step (a `Batch()` never filled by a `Batcher`).
    case emptyBatch
    /// The batch size is below 1.
    case batchSize(Int)
    /// The number of epochs is negative.
    case epochs(Int)
    /// The data's rows have another width than the model's input.
    case featureMismatch(data: Int, model: Int)
    /// The data needs another number of outputs (its classes, or 1 for regression) than the model has.
    case outputMismatch(data: Int, task: Task, model: Int)
    /// A batch or data set of another task than the step was made for.
    case taskMismatch(expected: Task, found: Task)
    /// A batch with more rows than the step was sized for.
    case batchTooLarge(rows: Int, capacity: Int)
    /// The model's layers are not the ones the step was made for.
    case modelChanged
    /// The optimizer does not fit the model's parameters.
    case optimizer(OptimizerError)
    /// The network could not be set up.
    case network(NetworkError)

    /// What went wrong and what to change, ready to print.
    public var description: String {
        switch self {
        case .emptyData: "the data has no rows; give it at least one"
        case .emptyBatch: "the batch has no rows; fill it from a Batcher before the step"
        case .batchSize(let size): "the batch size must be at least 1, not \(size)"
        case .epochs(let epochs): "the number of epochs must be 0 or more, not \(epochs)"
        case .featureMismatch(let data, let model):
            "the data has \(data) feature(s) per row but the model \(model) input(s); make the model's first width \(data)"
        case .outputMismatch(let data, let task, let model):
            if case .classification(let classes) = task {
                "the data has \(classes) classes but the model \(model) output(s); make the model's last width \(data)"
            } else {
                "regression needs 1 model output, not \(model); make the model's last width 1"
            }
        case .taskMismatch(let expected, let found):
            "the step was made for \(Self.name(expected)) but was given \(Self.name(found)); make a step for each data set shape"
        case .batchTooLarge(let rows, let capacity):
            "the batch has \(rows) rows but the step was sized for \(capacity); make the step with the batcher's batch size"
        case .modelChanged: "the model's layers are not the ones the step was made for; make a new step for this model"
        case .optimizer(let error): "the optimizer does not fit the model: \(error)"
        case .network(let error): error.description
        }
    }

    private static func name(_ task: Task) -> String {
        if case .classification(let classes) = task { return "classification with \(classes) classes" }
        return "regression"
    }
}
