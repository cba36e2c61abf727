import GoldilocksCore
import GoldilocksData
import GoldilocksSpec

/// How `--lr auto` checks its rate for overfitting, on training rows only.
///
/// A rehearsal: a fraction of the *training* rows is held out (stratified for classification),
/// the run's schedule is rescaled to the rest and trained in full, and the held-out loss is read
/// after each epoch. When the last epoch is within `tolerance` of the best, the run does not
/// overfit and `epochs` is all of them; otherwise `epochs` is the best epoch's count, and
/// `AutoLearningRate` lowers its one-cycle peak in that proportion (`peakScale`) and trains all
/// the epochs: on small noisy sets (diabetes) that did better than cutting the run short at the
/// same peak (docs/auto-vs-grid.md).
///
/// The run's own validation set is never read: it is what the run is scored on. The rehearsal
/// costs one training run on `1 − fraction` of the rows.
public struct HoldOutRehearsal: Sendable, Codable, Equatable {
    /// The share of training rows held out for the rehearsal.
    public var fraction: Double
    /// How far above its best the last epoch's held-out loss may be before the run is cut short.
    public var tolerance: Double

    public init(fraction: Double = 0.15, tolerance: Double = 0.1) throws(FinderError) {
        guard fraction > 0 && fraction < 1 else {
            throw FinderError("the hold-out fraction must be between 0 and 1 (exclusive), not \(fraction)")
        }
        guard tolerance >= 0, tolerance.isFinite else { throw FinderError("the tolerance must be ≥ 0, not \(tolerance)") }
        self.fraction = fraction
        self.tolerance = tolerance
    }

    /// `--lr auto`'s default: 15 % of the training rows held out; a last epoch more than 10 %
    /// above the best held-out loss counts as overfitting.
    public static let standard = HoldOutRehearsal(checkedFraction: 0.15, tolerance: 0.1)

    private init(checkedFraction fraction: Double, tolerance: Double) {
        (self.fraction, self.tolerance) = (fraction, tolerance)
    }

    /// The rehearsal's outcome.
    public struct Outcome: Sendable, Equatable {
        /// All the rehearsal's epochs, or the best held-out epoch's count when the run overfit.
        public var epochs: Int
        /// The epochs the rehearsal trained.
        public var rehearsedEpochs: Int
        /// The held-out loss after each rehearsal epoch.
        public var heldOutLosses: [Double]
        /// Optimizer steps the rehearsal took.
        public var steps: Int

        /// `epochs / rehearsedEpochs`: 1 without overfitting, smaller the earlier the best epoch came.
        public var peakScale: Double { Double(epochs) / Double(max(rehearsedEpochs, 1)) }
    }

    /// The epochs worth training given the held-out loss after each epoch: all unless the last is
    /// more than `tolerance` above the best (non-finite losses count as worse than any finite one).
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
        let stepsPerEpoch = TrainingSetup.stepsPerEpoch(rows: inner.train.count, batchSize: configuration.batchSize)
        rehearsal.schedule = schedule(configuration.epochs * stepsPerEpoch)
        let (summary, history) = try TrainingSetup(rehearsal, data: inner).train()
        let losses = history.epochs.map { $0.validationLoss ?? .nan }
        return Outcome(
            epochs: epochs(heldOutLosses: losses), rehearsedEpochs: configuration.epochs, heldOutLosses: losses,
            steps: summary.steps)
    }
}

