import ArgumentParser
import GoldilocksData
import GoldilocksNetworks
import GoldilocksSpec
import GoldilocksTraining

/// The data, model and training options `train`, `find` and `compare` share.
struct TrainingOptions: ParsableArguments {
    @Option(help: "A CSV file with a header, or a data set by name: digits, iris, wine, breast-cancer, spirals, moons, blobs, regression.")
    var data: String?

    @Option(help: "A separate validation set (CSV or name); without it --validation-split of the data is held out.")
    var validationData: String?

    @Option(parsing: .unconditional, help: "The share of the data held out for validation (stratified for classification).")
    var validationSplit: Double = 0.2

    @Option(help: "The target column of a CSV (default: the last).")
    var target: String?

    @Option(help: "auto (from the target column), classification or regression.")
    var task: TaskChoice = .auto

    @Option(help: "For regression: train on the target standardised to mean 0 and deviation 1 (on), or in its raw units as a PyTorch recipe without a scaler does (off). Losses are reported in the target's units either way.")
    var standardizeTarget: OnOff = .on

    @Option(help: "Hidden layer widths, comma-separated; input and output widths come from the data.")
    var model: String = "64,32"

    @Option(help: "The hidden layers' activation: relu, leaky_relu, tanh, sigmoid or gelu.")
    var activation: Activation = .relu

    @Option(help: "The optimizer: a name (sgd, adam, adamw, rmsprop, adagrad) or a PyTorch-style JSON spec such as {\"name\":\"SGD\",\"lr\":0.1,\"momentum\":0.9}, or a .json file.")
    var optimizer: String = "adam"

    @Option(help: "A learning-rate schedule as a JSON spec (see `goldilocks schedule --help`), or a .json file.")
    var schedule: String?

    @Option(help: "Advance the schedule every step or every epoch.")
    var scheduleUnit: ScheduleUnit = .step

    @Option(parsing: .unconditional, help: "Passes over the training data.")
    var epochs: Int = 20

    @Option(parsing: .unconditional, help: "Samples per mini-batch.")
    var batchSize: Int = 32

    @Option(parsing: .unconditional, help: "Seed of the split, the initial weights and the batch order: the same seed gives the same run.")
    var seed: UInt64 = 0

    /// Checks the numbers against `RunLimits` before any data is loaded or memory allocated;
    /// the checks that need the data (input width, batches per epoch) run in `TrainingSetup`.
    func validate() throws {
        let widths = model.isEmpty ? [] : try parseWidths(model, option: "--model")
        guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1, not \(epochs)") }
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1, not \(batchSize)") }
        do {
            try RunLimits.check(hiddenLayers: widths, batchSize: batchSize, epochs: epochs)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The run these options describe (without `--lr`, which each command reads its own way).
    func configuration() throws -> RunConfiguration {
        guard let data else { throw ValidationError("--data is required: a CSV file or a data set name such as digits") }
        var configuration = RunConfiguration(data: data)
        configuration.validationData = validationData
        configuration.validationSplit = validationData == nil ? validationSplit : 0
        configuration.target = target
        configuration.task = task
        configuration.hiddenLayers = model.isEmpty ? [] : try parseWidths(model, option: "--model")
        configuration.activation = activation
        configuration.optimizer = try readOptimizerSpec(optimizer)
        configuration.schedule = try schedule.map(readSpec)
        configuration.scheduleUnit = scheduleUnit
        configuration.epochs = epochs
        configuration.batchSize = batchSize
        configuration.seed = seed
        configuration.standardizeTarget = standardizeTarget == .on
        try configuration.validate()
        return configuration
    }
}

extension TaskChoice: ExpressibleByArgument {}
extension Activation: ExpressibleByArgument {}
extension ScheduleUnit: ExpressibleByArgument {}
