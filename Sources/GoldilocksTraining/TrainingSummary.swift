import GoldilocksDiagnosis

/// The outcome of a training run, as `goldilocks train --format json` prints it.
public struct TrainingSummary: Sendable, Codable, Equatable {
    /// The (first group's) learning rate the run started from.
    public var learningRate: Double
    public var epochs: Int
    public var steps: Int
    public var trainLoss: Double
    public var validationLoss: Double?
    public var validationAccuracy: Double?
    public var seconds: Double
    /// Why the run ended early, if it did.
    public var stoppedEarly: String?
    /// How many times the guard restored the weights.
    public var rescues: Int
    /// What the run's per-step losses say about its learning rate (nil for very short runs).
    public var diagnosis: Diagnosis?
    /// The (first group's) learning rate the run ended at: `learningRate` after the schedule, the
    /// guard's rescues and reduce-on-plateau; the rate a fix such as "÷10" applies to.
    public var finalLearningRate: Double?
    /// Optimizer steps `--lr auto` spent choosing the rate before this run (range tests and rehearsals).
    public var autoSteps: Int?

    enum CodingKeys: String, CodingKey {
        case learningRate = "lr", epochs, steps, trainLoss = "train_loss", validationLoss = "val_loss"
        case validationAccuracy = "val_accuracy", seconds, stoppedEarly = "stopped_early", rescues, diagnosis
        case autoSteps = "auto_steps", finalLearningRate = "final_lr"
    }
}
