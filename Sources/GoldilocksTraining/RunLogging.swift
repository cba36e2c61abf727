import Foundation
import GoldilocksLogs

/// Writes a run's steps and epochs to its log folder as they happen: TensorBoard event files,
/// `metrics.csv`/`.jsonl`, `epochs.csv`/`.jsonl`, and `run.json` with the configuration.
///
/// Per step: `loss`, `lr`, `momentum` (when a schedule cycles it), `grad_norm` and
/// `guard_rescue` (the learning-rate factor on the step the guard rescued, empty elsewhere); per
/// epoch: `train_loss`, `val_loss`, `val_accuracy` (each tag once: TensorBoard keys series by
/// tag). Every column is declared up front, so the CSV headers never need to change mid-run.
/// A write that fails stops the run with the reason (`failure`), rather than losing the log
/// silently.
public final class RunLogging: TrainingCallback {
    private let logger: RunLogger
    private let cyclesMomentum: Bool
    /// The last step, written once the trainer has said whether it restored the run there: a
    /// rescue is known only after every callback has seen the step.
    private var pending: StepRecord?
    /// Why logging stopped, if it did.
    public private(set) var failure: RunLogError?

    /// The columns of `metrics.csv`, in order.
    public static func stepColumns(cyclesMomentum: Bool) -> [String] {
        ["loss", "lr"] + (cyclesMomentum ? ["momentum"] : []) + ["grad_norm", "guard_rescue"]
    }

    /// The columns of `epochs.csv`, in order.
    public static let epochColumns = ["train_loss", "val_loss", "val_accuracy"]

    /// Logs into a folder already claimed (see `RunFolder`), writing `run.json` at once.
    public init(folder: RunFolder, configuration: RunConfiguration, cyclesMomentum: Bool) throws {
        logger = try RunLogger(
            folder: folder, configuration: configuration, stepColumns: Self.stepColumns(cyclesMomentum: cyclesMomentum),
            epochColumns: Self.epochColumns)
        self.cyclesMomentum = cyclesMomentum
    }

    /// Claims `directory` (replacing an earlier run's files only when `replacing`) and logs into it.
    public convenience init(
        directory: URL, replacing: Bool = false, configuration: RunConfiguration, cyclesMomentum: Bool
    ) throws {
        try self.init(
            folder: RunFolder(claiming: directory, replacing: replacing), configuration: configuration,
            cyclesMomentum: cyclesMomentum)
    }

    public var wantsGradientNorm: Bool { true }

    public func stepEnded(_ record: StepRecord) -> TrainingDecision {
        let decision = flush()
        pending = record
        return decision
    }

    public func epochEnded(_ record: EpochRecord) -> TrainingDecision {
        let decision = flush()
        guard decision == .continue else { return decision }
        return attempt {
            try logger.logEpoch(
                epoch: record.epoch, step: record.step,
                scalars: [
                    ("train_loss", record.trainLoss), ("val_loss", record.validationLoss ?? .nan),
                    ("val_accuracy", record.validationAccuracy ?? .nan),
                ])
        }
    }

    public func restored(atStep step: Int, learningRateFactor: Double, reason: String) {
        if let record = pending, record.step == step {
            _ = flush(rescue: learningRateFactor)
        } else {
            // A restore between steps (at an epoch's end): its own row, at the step it came before.
            _ = flush()
            _ = attempt {
                try logger.log(step: step, epoch: nil, scalars: [("guard_rescue", learningRateFactor)])
            }
        }
    }

    public func runEnded(_ summary: TrainingSummary) {
        _ = flush()
        do {
            try logger.close()
        } catch {
            if failure == nil { failure = RunLogError(underlying: error) }
        }
    }

    /// Writes the pending step, with the guard's factor when the run was rescued there.
    private func flush(rescue: Double? = nil) -> TrainingDecision {
        guard let record = pending else { return .continue }
        pending = nil
        var scalars = [("loss", record.loss), ("lr", record.learningRate)]
        if cyclesMomentum { scalars.append(("momentum", record.momentum ?? .nan)) }
        scalars.append(("grad_norm", record.gradientNorm ?? .nan))
        if let rescue { scalars.append(("guard_rescue", rescue)) }
        return attempt { try logger.log(step: record.step, epoch: record.epoch, scalars: scalars) }
    }

    private func attempt(_ write: () throws -> Void) -> TrainingDecision {
        guard failure == nil else { return .continue }
        do {
            try write()
            return .continue
        } catch {
            let failure = RunLogError(underlying: error)
            self.failure = failure
            return .stop(reason: failure.description)
        }
    }
}

/// A run's log that could not be written; the run stopped there.
public struct RunLogError: Error, CustomStringConvertible, Sendable {
    /// What the logger reported (a `LogError` naming the file, as a rule).
    public let underlying: any Error

    /// A log that failed with `underlying`.
    public init(underlying: any Error) { self.underlying = underlying }

    /// The reason, with the file.
    public var description: String { "could not write the run's log: \(underlying)" }
}
