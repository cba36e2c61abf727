import Foundation

/// The fewest loss values `diagnose` accepts.
public let minimumDiagnosisPoints = 5

/// Diagnoses a loss log: one verdict on the learning rate, with its symptom, cause, fix and evidence.
///
/// Works on raw per-step mini-batch losses (noisy), short or long (O(n log n)), on the natural log
/// of the loss (see `LossCurve` for the measurements). The rules, in order:
/// 1. a NaN or infinite loss → **diverged** (÷100);
/// 2. the loss rose above its start by more than max(0.25, 3 × early noise) in log units (the
///    learning rate kicked it uphill) → **diverged** when it ends above its start or peaked above
///    10× it, else **oscillating** (÷10);
/// 3. it barely moved: its end level is less than max(0.1, 2 standard errors of a block median) in
///    log units below its first block's median → **too_slow** (×10);
/// 4. a smooth curve (early noise ≤ 0.32) that is still near its best at the end (end ≤ best + 0.25)
///    → **too_slow** (×3), unless it fell at least 2× and then
///    stopped (second-half trend under 5% of the drop) → **plateau** (decay now); a smooth curve
///    above its best → **too_slow** if its last quarter still makes ≥ 10% of its whole decrease,
///    else **healthy**;
/// 5. a noisy curve that climbed back more than 1.05 (×2.9) above its best → **oscillating** (÷10);
/// 6. a noisy curve whose last quarter still makes ≥ 30% of its whole decrease → **too_slow**;
/// 7. anything else → **healthy** (keep).
/// "Still falling" is what a too-small learning rate means: with a learning rate ×10, a run covers
/// in its budget roughly what this one would in 10× the steps, so a curve still falling at its end
/// ends lower. The thresholds were chosen on the development and held-out splits of the evaluation
/// set and scored once on its test split (docs/diagnosis.md).
///
/// - Parameters:
///   - losses: the loss per logged step, in order; NaN or ±infinity for a non-finite loss.
///   - learningRates: the learning rate per logged step, if the log has them.
///   - steps: the step numbers, if the log has them (increasing), else row indices are used.
/// - Throws: `DiagnosisError` for fewer than `minimumDiagnosisPoints` losses (unless one of them is
///   not finite, which is enough for **diverged**) or mismatched columns.
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
