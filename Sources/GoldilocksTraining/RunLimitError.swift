/// A run bigger than `RunLimits` allows, naming the option and the limit.
public enum RunLimitError: Error, CustomStringConvertible, Sendable, Equatable {
    /// More than `RunLimits.maximumHiddenLayers` hidden layers.
    case tooManyLayers(Int)
    /// A `what` (layer, hidden layer, …) given with `option` wider than `RunLimits.maximumWidth`.
    case tooWide(option: String, what: String, width: Int)
    /// Widths (given with `option`) that make more than `RunLimits.maximumParameters`
    /// parameters; `count` is nil when it overflows `Int`.
    case tooManyParameters(option: String, count: Int?)
    /// A batch larger than `RunLimits.maximumBatchSize`.
    case batchTooLarge(Int)
    /// One batch's activations (`rows` × `units`) beyond `RunLimits.maximumBatchActivations`.
    case batchActivationsTooMany(rows: Int, units: Int)
    /// `epochs` of `stepsPerEpoch` batches beyond `RunLimits.maximumSteps`; `steps` is nil when
    /// it overflows `Int`.
    case tooManySteps(epochs: Int, stepsPerEpoch: Int, steps: Int?)

    /// The command-line option the limit is about (`--model`, `--batch-size`, `--epochs`).
    public var option: String {
        switch self {
        case .tooManyLayers: "--model"
        case let .tooWide(option, _, _), let .tooManyParameters(option, _): option
        case .batchTooLarge, .batchActivationsTooMany: "--batch-size"
        case .tooManySteps: "--epochs"
        }
    }

    /// The option, the limit and the value that broke it.
    public var description: String {
        let grouped = RunLimits.grouped
        let limit: String
        switch self {
        case let .tooManyLayers(count):
            limit = "at most \(grouped(RunLimits.maximumHiddenLayers)) hidden layers, not \(grouped(count))"
        case let .tooWide(_, what, width):
            limit = "a \(what) may be at most \(grouped(RunLimits.maximumWidth)) wide, not \(grouped(width))"
        case let .tooManyParameters(_, count):
            limit = "at most \(grouped(RunLimits.maximumParameters)) parameters, and these widths make "
                + (count.map(grouped) ?? "more than Int.max")
        case let .batchTooLarge(size):
            limit = "at most \(grouped(RunLimits.maximumBatchSize)), not \(grouped(size))"
        case let .batchActivationsTooMany(rows, units):
            limit = "one batch's activations (\(grouped(rows)) rows × \(grouped(units)) units) may take at most "
                + "\(grouped(RunLimits.maximumBatchActivations)) numbers: use a smaller batch or narrower layers"
        case let .tooManySteps(epochs, stepsPerEpoch, steps):
            let perEpoch = stepsPerEpoch == 1 ? "" : " (\(grouped(stepsPerEpoch)) batches per epoch)"
            limit = "a run takes at most \(grouped(RunLimits.maximumSteps)) optimizer steps; \(grouped(epochs)) epochs\(perEpoch) "
                + "would take \(steps.map(grouped) ?? "more than Int.max")"
        }
        return "\(option): \(limit)"
    }
}
