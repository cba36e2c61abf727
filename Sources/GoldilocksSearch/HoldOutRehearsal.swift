import Foundation
import GoldilocksTraining
import GoldilocksCore
import GoldilocksData
import GoldilocksSpec

/// How `--lr auto` tunes its one-cycle peak, on training rows only.
///
/// A rehearsal: a fraction of the *training* rows is held out (stratified for classification),
/// the run's schedule is rescaled to the rest and trained in full, and the held-out loss is read
/// after each epoch. `choosePeak` rehearses the suggested peak and then
/// - raises it, `climbFactor` at a time and at most `climbs` times, while the run does not
///   overfit and the higher peak ends with a lower held-out loss (the first time on a second
///   held-out fold as well): short runs (iris, 80 steps) and nearly noise-free sets
///   (make_friedman2) need a peak well above the range test's valley;
/// - lowers it when the run overfits (the last epoch more than `tolerance` above the best), in
///   proportion to how early the best epoch came (`peakScale`), and once more when the lowered
///   peak, rehearsed, does better and still overfits: on small noisy sets (diabetes) that did
///   better than cutting the run short at the same peak.
///
/// The run's own validation set is never read: it is what the run is scored on. Each rehearsal
/// costs one training run on `1 − fraction` of the rows (docs/auto-vs-grid.md).
public struct HoldOutRehearsal: Sendable, Codable, Equatable {
    /// The share of training rows held out for the rehearsal.
    public var fraction: Double
    /// How far above its best the last epoch's held-out loss may be before the run counts as overfitting.
    public var tolerance: Double
    /// How many times the peak may be raised.
    public var climbs: Int
    /// The factor the peak is raised by each time.
    public var climbFactor: Double

    public init(fraction: Double = 0.15, tolerance: Double = 0.1, climbs: Int = 3, climbFactor: Double = 2) throws(FinderError) {
        guard fraction > 0 && fraction < 1 else {
            throw .holdOutFractionOutOfRange(fraction)
        }
        guard tolerance >= 0, tolerance.isFinite else { throw .toleranceOutOfRange(tolerance) }
        guard climbs >= 0 else { throw .climbsOutOfRange(climbs) }
        guard climbFactor > 1, climbFactor.isFinite else { throw .climbFactorOutOfRange(climbFactor) }
        (self.fraction, self.tolerance, self.climbs, self.climbFactor) = (fraction, tolerance, climbs, climbFactor)
    }

    /// `--lr auto`'s default: 15 % of the training rows held out; a last epoch more than 10 %
    /// above the best held-out loss counts as overfitting; the peak is raised up to 3 times, ×2 each.
    public static let standard = HoldOutRehearsal(checked: ())

    private init(checked: Void) {
        (fraction, tolerance, climbs, climbFactor) = (0.15, 0.1, 3, 2)
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
        /// Whether the held-out loss was still within the tolerance of its best at the end.
        public var overfits: Bool { epochs < rehearsedEpochs }
        /// The last epoch's held-out loss (infinite when not finite).
        public var finalLoss: Double { heldOutLosses.last.flatMap { $0.isFinite ? $0 : nil } ?? .infinity }
    }

    /// The peak the rehearsals chose, and what they cost.
    public struct PeakChoice: Sendable, Equatable {
        /// The suggested peak the rehearsals started from.
        public var start: Double
        /// The one-cycle peak to train with.
        public var peak: Double
        /// The factor the suggested peak was raised by before any lowering (1: not raised).
        public var raisedBy: Double
        /// The last rehearsal kept (on the first fold); the peak is its peak × its `peakScale`.
        public var outcome: Outcome
        /// Rehearsals run, and the optimizer steps they took together.
        public var rehearsals: Int
        public var steps: Int

        /// The factor the raised peak was lowered by (1: not lowered).
        public var loweredBy: Double { peak / (start * raisedBy) }
    }

    /// Rehearses one-cycle at `start`, raises the peak while that helps, then lowers it if that
    /// run overfits (see the type's comment). `schedule` builds the schedule for a peak and a
    /// number of steps.
    public func choosePeak(
        from start: Double, _ configuration: RunConfiguration, data: PreparedData,
        schedule: (_ peak: Double, _ totalSteps: Int) -> Spec?
    ) throws -> PeakChoice {
        var (rehearsals, steps) = (0, 0)
        func rehearsal(_ peak: Double, fold: Int) throws -> Outcome {
            let outcome = try rehearse(configuration, data: data, fold: fold) { schedule(peak, $0) }
            (rehearsals, steps) = (rehearsals + 1, steps + outcome.steps)
            return outcome
        }
        var (peak, raised) = (start, 0)
        var outcome = try rehearsal(peak, fold: 0)
        while raised < climbs, !outcome.overfits {
            let higher = peak * climbFactor
            let next = try rehearsal(higher, fold: 0)
            guard next.finalLoss < outcome.finalLoss else { break }
            // The first raise must help on a second fold too: a small fold can be fitted so well
            // (wine: 22 rows, held-out loss 0.02 → 0.0006) that a higher peak looks better there
            // while the validation loss doubles.
            if raised == 0 {
                let (current, confirmation) = (try rehearsal(peak, fold: 1), try rehearsal(higher, fold: 1))
                guard confirmation.finalLoss < current.finalLoss else { break }
            }
            (peak, outcome, raised) = (higher, next, raised + 1)
        }
        // An overfitting peak is lowered by its best epoch's share. The lowered peak is rehearsed
        // once; when it ends lower and still overfits, it is lowered by its own share in turn
        // (make_hastie_10_2, noisy labels: validation loss 1.09 → 0.97 of the grid's best).
        if outcome.overfits {
            let lower = peak * outcome.peakScale
            let next = try rehearsal(lower, fold: 0)
            if next.finalLoss < outcome.finalLoss { (peak, outcome) = (lower, next) }
        }
        return PeakChoice(
            start: start, peak: peak * outcome.peakScale, raisedBy: pow(climbFactor, Double(raised)), outcome: outcome,
            rehearsals: rehearsals, steps: steps)
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
    /// schedule for a number of steps) on `data.train` alone, holding out the rows of `fold`
    /// (each fold another seeded draw).
    public func rehearse(
        _ configuration: RunConfiguration, data: PreparedData, fold: Int = 0, schedule: (_ totalSteps: Int) -> Spec?
    ) throws -> Outcome {
        var inner = data
        do throws(DataError) {
            (inner.train, inner.validation) = try data.train.split(
                validationFraction: fraction,
                seed: SeededGenerator.derivedSeed(configuration.seed, purpose: .rehearsalSplit(fold: fold)))
        } catch {
            throw FinderError.holdOut(fraction: fraction, error)
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

