import Foundation
import GoldilocksCore
import GoldilocksData
import GoldilocksDiagnosis
import GoldilocksNetworks
import GoldilocksOptimizers
import GoldilocksSchedules
import GoldilocksSpec

/// The training and validation sets of a run, standardised with the training set's statistics.
public struct PreparedData: Sendable {
    public var train: Dataset
    public var validation: Dataset?
    public var standardizer: Standardizer
    /// The regression target's scaling, when it was standardised (`RunConfiguration.standardizeTarget`).
    public var targetStandardizer: TargetStandardizer?

    /// Loads `configuration.data` (and its validation set or split) and standardises the features.
    public init(_ configuration: RunConfiguration) throws {
        var generator = SeededGenerator(seed: configuration.seed, purpose: .validationSplit)
        let all = try loadDataset(
            configuration.data, target: configuration.target, task: configuration.task,
            seed: SeededGenerator.derivedSeed(configuration.seed, purpose: .trainingData))
        var train = all
        var validation: Dataset?
        if let path = configuration.validationData {
            // The training set's task decides how the validation file's target is read.
            let task: TaskChoice = all.task == .regression ? .regression : .classification
            validation = try loadDataset(
                path, target: configuration.target, task: task,
                seed: SeededGenerator.derivedSeed(configuration.seed, purpose: .validationData))
                .aligned(to: all, name: path)
        } else if configuration.validationSplit > 0 {
            (train, validation) = try all.split(validationFraction: configuration.validationSplit, using: &generator)
        }
        standardizer = Standardizer(fittedTo: train)
        try standardizer.apply(to: &train)
        if validation != nil { try standardizer.apply(to: &validation!) }
        if train.task == .regression && configuration.standardizeTarget {
            let scaler = TargetStandardizer(fittedTo: train)
            try scaler.apply(to: &train)
            if validation != nil { try scaler.apply(to: &validation!) }
            targetStandardizer = scaler
        }
        self.train = train
        self.validation = validation
    }

    /// The network's output width: one per class, or one value for regression.
    public var outputCount: Int {
        if case .classification(let classes) = train.task { return classes }
        return 1
    }
}

/// A run ready to train: its data, initial network, optimizer and schedules, all built from a
/// `RunConfiguration` (so `train`, `find` and `compare` build them the same way).
public struct TrainingSetup: Sendable {
    public var configuration: RunConfiguration
    public var data: PreparedData
    public var model: MLP<Float>
    public var optimizer: any Optimizer<Float>
    public var schedule: (any LearningRateSchedule)?
    public var plateau: ReduceOnPlateau?

    public init(_ configuration: RunConfiguration, data: PreparedData? = nil) throws {
        try configuration.validate()
        // Before the data is loaded: a huge --epochs or --model must not cost a load first.
        try RunLimits.check(
            hiddenLayers: configuration.hiddenLayers, batchSize: configuration.batchSize, epochs: configuration.epochs)
        self.configuration = configuration
        let data = try data ?? PreparedData(configuration)
        self.data = data
        let widths = [data.train.featureCount] + configuration.hiddenLayers + [data.outputCount]
        // The data fixes the input and output widths and the batches per epoch: checked before
        // the weights, the workspace and the step history are allocated.
        try RunLimits.check(widths: widths, batchRows: min(configuration.batchSize, data.train.count))
        try RunLimits.check(
            epochs: configuration.epochs,
            stepsPerEpoch: Self.stepsPerEpoch(rows: data.train.count, batchSize: configuration.batchSize))
        var generator = SeededGenerator(seed: configuration.seed, purpose: .initialWeights)
        model = try MLP<Float>(widths: widths, activation: configuration.activation, generator: &generator)
        var spec = configuration.optimizer
        if let rate = configuration.learningRate {
            spec = Spec(name: spec.name, parameters: spec.parameters.merging(["lr": .number(rate)]) { _, new in new })
        }
        optimizer = try makeOptimizer(spec, parameterCount: model.parameterCount, as: Float.self)
        let rate = optimizer.learningRates[0]
        if let scheduleSpec = configuration.schedule {
            if ["ReduceLROnPlateau", "reduce-on-plateau", "plateau"].contains(scheduleSpec.name) {
                plateau = try makePlateau(scheduleSpec, learningRate: rate)
            } else {
                schedule = try makeSchedule(scheduleSpec, learningRate: rate)
            }
        }
        if let last = schedule?.lastStep, let name = configuration.schedule?.name, last + 1 < scheduledSteps {
            throw ConfigurationError.scheduleTooShort(
                schedule: name, steps: last + 1, runSteps: scheduledSteps, epochs: configuration.epochs,
                stepsPerEpoch: configuration.scheduleUnit == .step ? stepsPerEpoch : nil)
        }
    }

    /// Mini-batches per epoch.
    public var stepsPerEpoch: Int { Self.stepsPerEpoch(rows: data.train.count, batchSize: configuration.batchSize) }

    /// Mini-batches per epoch over `rows` training rows: the last batch may be short.
    public static func stepsPerEpoch(rows: Int, batchSize: Int) -> Int {
        // Not (rows + batchSize - 1) / batchSize: that overflows for a batch size near Int.max.
        rows / batchSize + (rows % batchSize == 0 ? 0 : 1)
    }

    /// How many times the schedule advances over the run.
    public var scheduledSteps: Int {
        configuration.scheduleUnit == .step ? configuration.epochs * stepsPerEpoch : configuration.epochs
    }

    /// A trainer for this setup, starting from the initial weights.
    public func makeTrainer() -> Trainer {
        Trainer(
            model: model, optimizer: optimizer, schedule: schedule, scheduleUnit: configuration.scheduleUnit, plateau: plateau)
    }

    /// Trains with the guard (unless disabled) and the given callbacks.
    public func train(callbacks: [any TrainingCallback] = [], report: @escaping (String) -> Void = { _ in }) throws(TrainingError) -> (
        summary: TrainingSummary, history: History
    ) {
        let history = History()
        var all: [any TrainingCallback] = [history]
        if configuration.guardEnabled { all.append(DivergenceGuard(report: report)) }
        all += callbacks
        var generator = SeededGenerator(seed: configuration.seed, purpose: .batchOrder)
        var summary = try makeTrainer().fit(
            data.train, validation: data.validation, epochs: configuration.epochs, batchSize: configuration.batchSize,
            generator: &generator, callbacks: all)
        summary.diagnosis = try? diagnose(
            losses: history.steps.map(\.loss), learningRates: history.steps.map(\.learningRate), steps: history.steps.map(\.step),
            validation: history.validationCurve)
        return (summary, history)
    }
}
