import Foundation
import GoldilocksLogs

/// Writes a run's steps and epochs to its log folder as they happen: TensorBoard event files,
/// `metrics.csv`/`.jsonl`, `epochs.csv`/`.jsonl`, and `run.json` with the configuration.
///
/// Per step: `loss`, `lr`, `momentum` (when a schedule cycles it) and `grad_norm`; per epoch:
/// `train_loss`, `val_loss`, `val_accuracy` (each tag once: TensorBoard keys series by tag); a guard's rescue as `guard_rescue` (the factor).
/// A write that fails stops the run with the reason, rather than losing the log silently.
public final class RunLogging: TrainingCallback {
    private let logger: RunLogger
    private let cyclesMomentum: Bool
    private var failure: String?
    private var epoch = 0

    public init(directory: URL, configuration: RunConfiguration, cyclesMomentum: Bool) throws {
        let stepColumns = ["loss", "lr"] + (cyclesMomentum ? ["momentum"] : []) + ["grad_norm"]
        logger = try RunLogger(
            directory: directory, configuration: configuration, stepColumns: stepColumns,
            epochColumns: ["train_loss", "val_loss", "val_accuracy"])
        self.cyclesMomentum = cyclesMomentum
    }

    public var wantsGradientNorm: Bool { true }

    public func stepEnded(_ record: StepRecord) -> TrainingDecision {
        epoch = record.epoch
        var scalars = [("loss", record.loss), ("lr", record.learningRate)]
        if cyclesMomentum { scalars.append(("momentum", record.momentum ?? .nan)) }
        scalars.append(("grad_norm", record.gradientNorm ?? .nan))
        return attempt { try logger.log(step: record.step, epoch: record.epoch, scalars: scalars) }
    }

    public func epochEnded(_ record: EpochRecord) -> TrainingDecision {
        attempt {
            try logger.logEpoch(
                epoch: record.epoch, step: record.step,
                scalars: [
                    ("train_loss", record.trainLoss), ("val_loss", record.validationLoss ?? .nan),
                    ("val_accuracy", record.validationAccuracy ?? .nan),
                ])
        }
    }

    public func restored(atStep step: Int, learningRateFactor: Double, reason: String) {
        _ = attempt { try logger.logEpoch(epoch: epoch, step: step, scalars: [("guard_rescue", learningRateFactor)]) }
    }

    public func runEnded(_ summary: TrainingSummary) {
        _ = attempt { try logger.close() }
    }

    /// The error that stopped logging, if any.
    public var error: String? { failure }

    private func attempt(_ write: () throws -> Void) -> TrainingDecision {
        guard failure == nil else { return .continue }
        do {
            try write()
            return .continue
        } catch {
            failure = "could not write the run's log: \(error)"
            return .stop(reason: failure!)
        }
    }
}
