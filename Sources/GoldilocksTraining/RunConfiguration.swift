import Foundation
import GoldilocksData
import GoldilocksNetworks
import GoldilocksSpec

/// Everything that fixes a training run, as `train` takes it and `run.json` records it: the same
/// configuration and seed give the same run.
public struct RunConfiguration: Codable, Sendable, Equatable {
    /// A bundled or generated data set name, or a CSV path.
    public var data: String
    /// A separate validation set; without one, `validationSplit` of `data` is held out.
    public var validationData: String?
    public var validationSplit: Double = 0.2
    /// The target column (default the last).
    public var target: String?
    public var task: TaskChoice = .auto
    /// Hidden layer widths; input and output widths come from the data.
    public var hiddenLayers: [Int] = [64, 32]
    public var activation: Activation = .relu
    /// The optimizer, in PyTorch's names (`{"name":"Adam","lr":0.001}`).
    public var optimizer: Spec = Spec(name: "Adam")
    /// Overrides the optimizer's `lr` when set.
    public var learningRate: Double?
    /// A learning-rate schedule spec, or PyTorch's `ReduceLROnPlateau` (fed the validation loss).
    public var schedule: Spec?
    public var scheduleUnit: ScheduleUnit = .step
    public var epochs: Int = 20
    public var batchSize: Int = 32
    public var seed: UInt64 = 0
    /// Whether the divergence guard watches the run.
    public var guardEnabled: Bool = true
    /// Whether a regression target is standardised for training (losses are still reported in
    /// the target's units); off trains on raw units, as a PyTorch recipe without a scaler does.
    public var standardizeTarget: Bool = true

    public init(data: String) {
        self.data = data
    }

    /// Reads a configuration; every key but `data` may be left out and takes its default, so a
    /// `run.json` written by an earlier version still repeats its run.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = RunConfiguration(data: try c.decode(String.self, forKey: .data))
        self = defaults
        validationData = try c.decodeIfPresent(String.self, forKey: .validationData)
        validationSplit = try c.decodeIfPresent(Double.self, forKey: .validationSplit) ?? defaults.validationSplit
        target = try c.decodeIfPresent(String.self, forKey: .target)
        task = try c.decodeIfPresent(TaskChoice.self, forKey: .task) ?? defaults.task
        hiddenLayers = try c.decodeIfPresent([Int].self, forKey: .hiddenLayers) ?? defaults.hiddenLayers
        activation = try c.decodeIfPresent(Activation.self, forKey: .activation) ?? defaults.activation
        optimizer = try c.decodeIfPresent(Spec.self, forKey: .optimizer) ?? defaults.optimizer
        learningRate = try c.decodeIfPresent(Double.self, forKey: .learningRate)
        schedule = try c.decodeIfPresent(Spec.self, forKey: .schedule)
        scheduleUnit = try c.decodeIfPresent(ScheduleUnit.self, forKey: .scheduleUnit) ?? defaults.scheduleUnit
        epochs = try c.decodeIfPresent(Int.self, forKey: .epochs) ?? defaults.epochs
        batchSize = try c.decodeIfPresent(Int.self, forKey: .batchSize) ?? defaults.batchSize
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? defaults.seed
        guardEnabled = try c.decodeIfPresent(Bool.self, forKey: .guardEnabled) ?? defaults.guardEnabled
        standardizeTarget = try c.decodeIfPresent(Bool.self, forKey: .standardizeTarget) ?? defaults.standardizeTarget
    }

    enum CodingKeys: String, CodingKey {
        case data, validationData = "validation_data", validationSplit = "validation_split", target, task
        case hiddenLayers = "model", activation, optimizer, learningRate = "lr", schedule
        case scheduleUnit = "schedule_unit", epochs, batchSize = "batch_size", seed, guardEnabled = "guard"
        case standardizeTarget = "standardize_target"
    }

    /// Checks the values a user can get wrong, before any work.
    public func validate() throws(ConfigurationError) {
        if epochs < 1 { throw .tooFewEpochs(epochs) }
        if batchSize < 1 { throw .batchSizeTooSmall(batchSize) }
        if !(validationSplit >= 0 && validationSplit < 1) {
            throw .validationSplitOutOfRange(validationSplit)
        }
        if let width = hiddenLayers.first(where: { $0 < 1 }) {
            throw .badLayerWidth(width)
        }
        if let rate = learningRate, !(rate > 0 && rate.isFinite) {
            throw .badLearningRate(rate)
        }
    }
}

extension RunConfiguration {
    /// Reads a configuration from a `run.json`, saying which file and what is wrong on failure.
    public static func read(from path: String) throws -> RunConfiguration {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConfigurationError.unreadable(path: path, reason: error.localizedDescription)
        }
        do {
            let configuration = try JSONDecoder().decode(RunConfiguration.self, from: data)
            try configuration.validate()
            return configuration
        } catch let error as ConfigurationError {
            throw ConfigurationError.inFile(path: path, error: error)
        } catch DecodingError.keyNotFound(let key, _) {
            throw ConfigurationError.missingKey(path: path, key: key.stringValue)
        } catch {
            throw ConfigurationError.notARunFile(path: path, reason: "\(error)")
        }
    }
}
