import GoldilocksCore
import GoldilocksData
import GoldilocksSpec

/// How many epochs `--lr auto` trains, decided on training rows only.
///
/// A rehearsal: a fraction of the *training* rows is held out (stratified for classification),
/// the run's schedule is rescaled to the rest and trained in full, and the held-out loss is read
/// after each epoch. When the last epoch is within `tolerance` of the best, the run is not
/// overfitting and keeps all its epochs; otherwise it trains for as many epochs as the best one
/// took. The real run then trains on all rows with its schedule compressed to that length, so
/// a one-cycle still anneals to its end (cutting a one-cycle short would stop at a high rate).
///
/// The run's own validation set is never read: it is what the run is scored on. The rehearsal
/// costs one training run on `1 − fraction` of the rows.
public struct HoldOutEpochs: Sendable, Codable, Equatable {
    /// The share of training rows held out for the rehearsal.
    public var fraction: Double
    /// How far above its best the last epoch's held-out loss may be before the run is cut short.
    public var tolerance: Double

    public init(fraction: Double = 0.15, tolerance: Double = 0.05) throws(FinderError) {
        guard fraction > 0 && fraction < 1 else {
            throw FinderError("the hold-out fraction must be between 0 and 1 (exclusive), not \(fraction)")
        }
        guard tolerance >= 0, tolerance.isFinite else { throw FinderError("the tolerance must be ≥ 0, not \(tolerance)") }
        self.fraction = fraction
        self.tolerance = tolerance
    }

    /// `--lr auto`'s default: 15 % of the training rows held out, cut short beyond 5 % overfitting.
    public static let standard = HoldOutEpochs(checkedFraction: 0.15, tolerance: 0.05)

    private init(checkedFraction fraction: Double, tolerance: Double) {
        (self.fraction, self.tolerance) = (fraction, tolerance)
    }

    /// The rehearsal's outcome.
    public struct Outcome: Sendable, Equatable {
        /// Epochs to train: all of them, or the best held-out epoch's count.
        public var epochs: Int
        /// The held-out loss after each rehearsal epoch.
        public var heldOutLosses: [Double]
        /// Optimizer steps the rehearsal took.
        public var steps: Int
    }

    /// Epochs to keep given the held-out loss after each epoch: all unless the last is more than
    /// `tolerance` above the best (non-finite losses count as worse than any finite one).
    public func epochs(heldOutLosses losses: [Double]) -> Int {
        let finite = losses.map { $0.isFinite ? $0 : .infinity }
        guard let best = finite.indices.min(by: { finite[$0] < finite[$1] }), finite[best].isFinite else {
            return losses.count
        }
        return finite[finite.count - 1] <= (1 + tolerance) * finite[best] ? losses.count : best + 1
    }

    /// Rehearses `configuration` (its learning rate and schedule chosen; `schedule` rebuilds the
    /// schedule for a number of steps) on `data.train` alone.
    public func rehearse(
        _ configuration: RunConfiguration, data: PreparedData, schedule: (_ totalSteps: Int) -> Spec?
    ) throws -> Outcome {
        var inner = data
        do throws(DataError) {
            (inner.train, inner.validation) = try data.train.split(
                validationFraction: fraction, seed: configuration.seed &+ 101)
        } catch {
            throw FinderError("--lr auto cannot hold out \(fraction) of the training rows: \(error.description)")
        }
        var rehearsal = configuration
        let stepsPerEpoch = (inner.train.count + configuration.batchSize - 1) / configuration.batchSize
        rehearsal.schedule = schedule(configuration.epochs * stepsPerEpoch)
        let (summary, history) = try TrainingSetup(rehearsal, data: inner).train()
        let losses = history.epochs.map { $0.validationLoss ?? .nan }
        return Outcome(epochs: epochs(heldOutLosses: losses), heldOutLosses: losses, steps: summary.steps)
    }
}

