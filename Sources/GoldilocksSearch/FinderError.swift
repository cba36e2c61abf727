import GoldilocksTraining
import GoldilocksData
import GoldilocksFinder

/// A range test or an automatic learning rate that cannot be had, with what to change.
public enum FinderError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A batch size below 1.
    case batchSizeTooSmall(Int)
    /// Gradient accumulation over fewer than 1 batch per step.
    case accumulationTooSmall(Int)
    /// Fewer than 1 repeat of the range test.
    case tooFewRepeats(Int)
    /// A safety factor that is not finite and positive.
    case factorOutOfRange(Double)
    /// A hold-out fraction outside (0, 1).
    case holdOutFractionOutOfRange(Double)
    /// A negative or non-finite rehearsal tolerance.
    case toleranceOutOfRange(Double)
    /// A negative number of climbs.
    case climbsOutOfRange(Int)
    /// A climb factor that is not finite and above 1.
    case climbFactorOutOfRange(Double)
    /// The data's feature count differs from the model's inputs.
    case featureMismatch(features: Int, inputs: Int)
    /// The validation loss was asked for without validation data.
    case noValidationData
    /// The range test's own settings are wrong.
    case rangeTest(RangeTestError)
    /// The training data cannot be batched.
    case data(DataError)
    /// The model, data and batches do not fit together for a training step.
    case training(TrainingError)
    /// The training rows cannot spare `fraction` for the rehearsals' hold-out set.
    case holdOut(fraction: Double, DataError)
    /// The rule made no suggestion (`failure` says why, when it did); `stop` is how the range test ended.
    case noSuggestion(failure: SuggestionError?, stop: RangeTestStop?)

    /// What went wrong and what to do about it.
    public var description: String {
        switch self {
        case let .batchSizeTooSmall(size):
            "the batch size must be at least 1, not \(size)"
        case let .accumulationTooSmall(steps):
            "gradient accumulation needs at least 1 batch per step, not \(steps)"
        case let .tooFewRepeats(repeats):
            "repeats must be at least 1, not \(repeats)"
        case let .factorOutOfRange(factor):
            "the safety factor must be positive, not \(factor)"
        case let .holdOutFractionOutOfRange(fraction):
            "the hold-out fraction must be between 0 and 1 (exclusive), not \(fraction)"
        case let .toleranceOutOfRange(tolerance):
            "the tolerance must be ≥ 0, not \(tolerance)"
        case let .climbsOutOfRange(climbs):
            "climbs must be ≥ 0, not \(climbs)"
        case let .climbFactorOutOfRange(factor):
            "the climb factor must be above 1, not \(factor)"
        case let .featureMismatch(features, inputs):
            "the data has \(features) features but the model \(inputs) inputs"
        case .noValidationData:
            "measuring the validation loss needs validation data (--validation-data or --validation-split)"
        case let .rangeTest(error):
            error.description
        case let .data(error):
            error.description
        case let .training(error):
            error.description
        case let .holdOut(fraction, error):
            "--lr auto cannot hold out \(fraction) of the training rows: \(error)"
        case let .noSuggestion(failure, stop):
            "--lr auto could not choose a learning rate: \(failure?.description ?? "no suggestion") (the range test \(stop?.description ?? "")); "
                + "give --lr a number, or widen the sweep"
        }
    }
}
