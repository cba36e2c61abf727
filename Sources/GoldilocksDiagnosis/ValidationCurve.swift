import Foundation

/// What the validation loss of a run says, read at whatever cadence it was logged (internal to
/// `diagnose`): where it was best, whether it rose from there (overfitting), and whether it was
/// still improving at the end.
///
/// With m finite points v₀…vₘ₋₁ and k = max(1, m/5): the best is the lowest point; the end level
/// is the median of the last k points. The run **overfits** when the best lies before those last
/// k points and the end level is above it by more than max(10%, 2 × the point-to-point noise).
/// It is **still improving** when its best lies in the last quarter of the points and that
/// quarter made over a tenth of the whole fall from the start to the best (on a log scale).
struct ValidationCurve {
    let bestIndex: Int
    let best: Double
    let endLevel: Double
    let start: Double
    let overfits: Bool
    let stillImproving: Bool

    /// Reads `losses`; nil for fewer than 3 finite points (nothing to judge).
    init?(losses: [Double]) {
        let finite = losses.filter { $0.isFinite && $0 > 0 }
        guard finite.count == losses.count, finite.count >= 3 else { return nil }
        let m = finite.count
        let tail = max(1, m / 5)
        bestIndex = finite.indices.min { finite[$0] < finite[$1] } ?? 0
        best = finite[bestIndex]
        start = finite[0]
        endLevel = RobustStatistics.median(finite[(m - tail)...])
        let logs = finite.map { Foundation.log($0) }
        let changes = zip(logs.dropFirst(), logs).map { $0 - $1 }
        let noise = changes.count >= 2 ? RobustStatistics.scaledMAD(changes) / 2.0.squareRoot() : 0
        overfits = bestIndex < m - tail && Foundation.log(endLevel / best) > max(0.1, 2 * noise)
        let quarter = m - max(1, m / 4)
        let bestBefore = finite[..<quarter].min() ?? best
        // On a log scale, so a few points and many weigh alike: the last quarter's share of the
        // whole fall from the start to the best.
        let fall = Foundation.log(start / best)
        stillImproving = bestIndex >= quarter && fall > 0 && Foundation.log(bestBefore / best) > 0.1 * fall
    }

    /// Whether the validation loss fell materially (over 20%) before it stopped improving: the
    /// run converged on what the user cares about.
    var converged: Bool { !stillImproving && best < 0.8 * start }
}

/// The validation loss rising again after its best: the learning rate is not to blame; stop
/// earlier or regularise.
public struct Overfitting: Codable, Sendable, Equatable {
    /// The step of the best validation loss, from which it rises.
    public var fromStep: Int
    /// The best validation loss.
    public var bestValidationLoss: Double
    /// The validation loss at the end (the median of the last fifth of its points).
    public var endValidationLoss: Double

    /// An overfitting note.
    public init(fromStep: Int, bestValidationLoss: Double, endValidationLoss: Double) {
        self.fromStep = fromStep
        self.bestValidationLoss = bestValidationLoss
        self.endValidationLoss = endValidationLoss
    }

    /// The note for people.
    public var description: String {
        let rise = Int((100 * (endValidationLoss / bestValidationLoss - 1)).rounded())
        return "the validation loss rises from step \(fromStep) (best \(String(format: "%.3g", bestValidationLoss)), \(rise)% higher at the end): stop training earlier or regularise; the learning rate is not the cause"
    }

    enum CodingKeys: String, CodingKey {
        case fromStep = "from_step"
        case bestValidationLoss = "best_val_loss"
        case endValidationLoss = "end_val_loss"
    }
}
