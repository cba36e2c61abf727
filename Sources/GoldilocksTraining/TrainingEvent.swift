/// What happened in one optimizer step.
public struct StepRecord: Sendable, Codable, Equatable {
    /// The optimizer step, counted from 0 over the whole run.
    public var step: Int
    /// The epoch the step belongs to, counted from 0.
    public var epoch: Int
    /// The mean loss of the step's mini-batch (before the update).
    public var loss: Double
    /// The learning rate the step used (the first parameter group's).
    public var learningRate: Double
    /// The momentum or Adam beta1 the step used, when a schedule cycles it.
    public var momentum: Double?
    /// The L2 norm of the gradient, when a callback asked for it (`wantsGradientNorm`).
    public var gradientNorm: Double?

    public init(
        step: Int, epoch: Int, loss: Double, learningRate: Double, momentum: Double? = nil, gradientNorm: Double? = nil
    ) {
        (self.step, self.epoch, self.loss, self.learningRate) = (step, epoch, loss, learningRate)
        (self.momentum, self.gradientNorm) = (momentum, gradientNorm)
    }
}

/// What an epoch achieved.
public struct EpochRecord: Sendable, Codable, Equatable {
    public var epoch: Int
    /// The last optimizer step of the epoch.
    public var step: Int
    /// The mean training loss over the epoch's mini-batches, weighted by their sizes.
    public var trainLoss: Double
    public var validationLoss: Double?
    /// The share of validation samples classified right (classification only).
    public var validationAccuracy: Double?
    public var learningRate: Double
}

/// A callback's answer to an event: the trainer acts on it before the next step.
public enum TrainingDecision: Sendable, Equatable {
    case `continue`
    /// End the run now, saying why.
    case stop(reason: String)
    /// Restore the last good weights and optimizer state and multiply the learning rate by
    /// `learningRateFactor` (the guard's rescue).
    case restore(learningRateFactor: Double, reason: String)
}

/// Watches a run and may steer it. Called on the training task, in order.
public protocol TrainingCallback: AnyObject {
    /// Whether this callback needs `StepRecord.gradientNorm` (it costs a pass over the gradient).
    var wantsGradientNorm: Bool { get }
    func runStarted(totalSteps: Int, epochs: Int)
    func stepEnded(_ record: StepRecord) -> TrainingDecision
    func epochEnded(_ record: EpochRecord) -> TrainingDecision
    /// A restore the trainer carried out, so loggers can mark it.
    func restored(atStep step: Int, learningRateFactor: Double, reason: String)
    func runEnded(_ summary: TrainingSummary)
}

extension TrainingCallback {
    public var wantsGradientNorm: Bool { false }
    public func runStarted(totalSteps: Int, epochs: Int) {}
    public func stepEnded(_ record: StepRecord) -> TrainingDecision { .continue }
    public func epochEnded(_ record: EpochRecord) -> TrainingDecision { .continue }
    public func restored(atStep step: Int, learningRateFactor: Double, reason: String) {}
    public func runEnded(_ summary: TrainingSummary) {}
}

/// Records every step and epoch in memory: the loss and learning-rate curves of a run.
public final class History: TrainingCallback {
    public private(set) var steps: [StepRecord] = []
    public private(set) var epochs: [EpochRecord] = []
    public private(set) var restores: [(step: Int, factor: Double, reason: String)] = []

    public init() {}

    public func runStarted(totalSteps: Int, epochs: Int) { steps.reserveCapacity(totalSteps) }
    public func stepEnded(_ record: StepRecord) -> TrainingDecision {
        steps.append(record)
        return .continue
    }
    public func epochEnded(_ record: EpochRecord) -> TrainingDecision {
        epochs.append(record)
        return .continue
    }
    public func restored(atStep step: Int, learningRateFactor: Double, reason: String) {
        restores.append((step, learningRateFactor, reason))
    }
}
