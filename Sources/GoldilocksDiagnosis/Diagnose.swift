import Foundation

/// The fewest loss values `diagnose` accepts.
public let minimumDiagnosisPoints = 5

/// Diagnoses a loss log: one verdict on the learning rate, with its symptom, cause, fix and evidence.
///
/// Works on raw per-step mini-batch losses (noisy), short or long (O(n log n)), on the natural log
/// of the loss (see `LossCurve` for the measurements). Two rules settle the clear cases:
/// 1. a NaN or infinite loss → **diverged** (÷100);
/// 2. the loss rose above its start by more than max(0.25, 3 × early noise) in log units (the
///    learning rate kicked it uphill) → **diverged** when it ends above its start or peaked above
///    10× it, else **oscillating** (÷10).
/// Every other curve is named by `DiagnosisForest` from its `CurveFeatures`: **healthy** (keep),
/// **too_slow** (×10 when it barely moved, else ×3), **oscillating** (÷10) or **plateau** (decay
/// now). The forest is trained by scripts/diagnosis-model on real runs labelled by what rerunning
/// them at other learning rates did (docs/diagnosis.md).
///
/// - Parameters:
///   - losses: the loss per logged step, in order; NaN or ±infinity for a non-finite loss.
///   - learningRates: the learning rate per logged step, if the log has them.
///   - steps: the step numbers, if the log has them (increasing), else row indices are used.
/// - Throws: `DiagnosisError` for fewer than `minimumDiagnosisPoints` losses (unless one of them is
///   not finite, which is enough for **diverged**), for mismatched columns, or for a damaged
///   installation whose forest cannot be read.
public func diagnose(losses: [Double], learningRates: [Double]? = nil, steps: [Int]? = nil) throws -> Diagnosis {
    // A non-finite loss settles the verdict however short the log is.
    guard losses.count >= minimumDiagnosisPoints || losses.contains(where: { !$0.isFinite }) else {
        throw DiagnosisError.notEnoughPoints(count: losses.count, needed: minimumDiagnosisPoints)
    }
    if let learningRates, learningRates.count != losses.count {
        throw DiagnosisError.lengthMismatch(column: "learning rate", count: learningRates.count, losses: losses.count)
    }
    if let steps {
        guard steps.count == losses.count else {
            throw DiagnosisError.lengthMismatch(column: "step", count: steps.count, losses: losses.count)
        }
        if let bad = steps.indices.dropFirst().first(where: { steps[$0] <= steps[$0 - 1] }) {
            throw DiagnosisError.stepsNotIncreasing(index: bad)
        }
    }
    let forest = try DiagnosisForest.shipped.get()
    let curve = LossCurve(losses: losses)
    let step = { (index: Int) in steps?[index] ?? index }
    let verdict = DiagnosisRules.verdict(for: curve, forest: forest)
    let factor = DiagnosisRules.learningRateFactor(verdict, curve: curve)
    let learningRate = learningRates?.last { $0.isFinite }
    let evidence = DiagnosisEvidence(
        points: curve.points,
        firstNonFiniteStep: curve.firstNonFinite.map(step),
        startLoss: exp(curve.start), endLoss: exp(curve.end), bestLoss: exp(curve.best),
        bestStep: step(curve.bestIndex),
        peakOverStart: exp(curve.spike),
        progress: 1 - exp(-curve.drop),
        lateProgress: 1 - exp(-curve.late),
        lateShare: curve.lateShare,
        quarterShare: curve.share(madeBy: 25),
        endOverBest: exp(curve.rise),
        earlyNoise: curve.earlyNoise, lateNoise: curve.lateNoise,
        stallStep: curve.stallIndex.map(step),
        learningRate: learningRate,
        suggestedLearningRate: learningRate.map { $0 * factor })
    let text = DiagnosisRules.explanation(verdict, factor: factor, evidence: evidence)
    return Diagnosis(
        verdict: verdict, symptom: text.symptom, cause: text.cause, fix: text.fix,
        learningRateFactor: factor, decayNow: verdict == .plateau, evidence: evidence)
}
