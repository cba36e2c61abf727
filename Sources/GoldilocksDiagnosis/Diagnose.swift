import Foundation

/// The fewest loss values `diagnose` accepts.
public let minimumDiagnosisPoints = 5

/// Diagnoses a run: one verdict on the learning rate, with its symptom, cause, fix, confidence
/// and evidence, and an overfitting note when the validation loss rises after its best.
///
/// The verdict answers which single change of the learning rate would most improve what the user
/// cares about: the best validation loss when the log has one, else the final training loss.
/// Works on raw per-step mini-batch losses (noisy), short or long (O(n log n)), on the natural log
/// of the loss (see `LossCurve` for the measurements). When the learning rate warmed up (its first
/// value under a fifth of its peak), the training loss is read from the peak on. Two rules settle
/// the clear cases:
/// 1. a NaN or infinite loss → **diverged** (÷100);
/// 2. the loss rose above its start by more than max(0.25, 3 × early noise) in log units (the
///    learning rate kicked it uphill) → **diverged** when it ends above its start or peaked above
///    10× it, else **oscillating** (÷10); but one spike in a flat, noisy curve that ends near its
///    start is noise, not a kick.
/// Every other curve is named by `DiagnosisForest` from its `CurveFeatures`: **healthy** (keep),
/// **too_slow** (×10 when it barely moved, else ×3), **oscillating** (÷10) or **plateau** (decay
/// now), with the share of the forest's vote as its confidence; a split vote (`low`) on too_slow
/// recommends ×3, the smaller move. The forest is trained by scripts/diagnosis-model on real runs
/// labelled by what rerunning them at other learning rates did (docs/diagnosis.md).
///
/// What no learning-rate change would improve then has the last word. A change counts only when
/// it improves the loss the user cares about (the best validation loss, else the final training
/// loss) by more than 1% of the starting loss, so a run already below that floor is **healthy**
/// (unless a loss is not finite). When the validation loss rises after its best (overfitting), or
/// fell and stopped improving (converged), a too_slow or plateau verdict becomes **healthy**.
///
/// - Parameters:
///   - losses: the training loss per logged step, in order; NaN or ±infinity for a non-finite loss.
///   - learningRates: the learning rate per logged step, if the log has them.
///   - steps: the step numbers, if the log has them (increasing), else row indices are used.
///   - validation: the validation loss at its own steps (any cadence), if the log has it.
/// - Throws: `DiagnosisError` for fewer than `minimumDiagnosisPoints` losses (unless one of them is
///   not finite, which is enough for **diverged**), for mismatched columns, or for a damaged
///   installation whose forest cannot be read.
public func diagnose(
    losses: [Double], learningRates: [Double]? = nil, steps: [Int]? = nil,
    validation: (steps: [Int], losses: [Double])? = nil
) throws -> Diagnosis {
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
    if let validation, validation.steps.count != validation.losses.count {
        throw DiagnosisError.lengthMismatch(column: "validation step", count: validation.steps.count, losses: validation.losses.count)
    }
    let forest = try DiagnosisForest.shipped.get()
    // A warmup is skipped so that its slow start is not read as a rate too small, but not when
    // the loss blew up or was kicked uphill by then: the whole log is read when its rules fire.
    var offset = warmupEnd(learningRates, losses: losses)
    var curve = LossCurve(losses: Array(losses[offset...]))
    var vote = DiagnosisRules.vote(for: curve, forest: forest, untrained: offset > 0 ? log(losses[0]) : nil)
    if offset > 0 {
        let whole = LossCurve(losses: losses)
        if let settled = DiagnosisRules.ruleVote(for: whole), settled.verdict == .diverged || settled.rule == .kickedUphill {
            (offset, curve, vote) = (0, whole, settled)
        }
    }
    let step = { (index: Int) in steps?[index + offset] ?? index + offset }
    var verdict = vote.verdict
    var confidence = Confidence(share: vote.share)
    var factor = DiagnosisRules.learningRateFactor(verdict, curve: curve)
    if verdict == .tooSlow && confidence == .low { factor = min(factor, 3) }

    let held = validation.flatMap { ValidationCurve(losses: $0.losses) }
    let rates = learningRates.flatMap { DiagnosisRules.RateHistory($0[...]) }
    var reason: DiagnosisRules.Override? = vote.rule == .flatButSpiky ? .mixedEvidence : nil
    if let floor = materialityFloor(losses), let reached = held?.best ?? finalLevel(losses), reached <= floor {
        reason = .nothingLeftToGain
    } else if let held, verdict == .tooSlow || verdict == .plateau || verdict == .healthy {
        if held.overfits {
            reason = .overfitting
        } else if held.converged && verdict != .healthy {
            reason = .validationConverged
        }
    } else if verdict == .oscillating, vote.rule == nil, case let .scheduled(peak)? = rates,
        let last = learningRates?.last(where: \.isFinite), last <= peak / 10 {
        // The forest reads late noise as a rate too large; with the rate annealed that far, the
        // batches make it (a one-cycle run on 150 rows of iris: ÷10 made its best validation
        // loss 9× worse, ×3 no worse).
        reason = .annealedNoise(finalRate: last, peak: peak)
    }
    switch reason {
    case nil, .mixedEvidence?: break
    case .annealedNoise?: (verdict, factor, confidence) = (.healthy, 1, .low)
    default: (verdict, factor, confidence) = (.healthy, 1, .high)
    }

    let bestValidationStep = held.flatMap { held in validation?.steps[held.bestIndex] }
    let learningRate = learningRates?.last { $0.isFinite }
    let evidence = DiagnosisEvidence(
        points: curve.points,
        firstNonFiniteStep: curve.firstNonFinite.map(step),
        firstLoss: losses.first ?? .nan, startLoss: exp(curve.start), endLoss: exp(curve.end), bestLoss: exp(curve.best),
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
        suggestedLearningRate: learningRate.map { $0 * factor },
        readFromStep: offset > 0 ? step(0) : nil,
        validationBestLoss: held?.best,
        validationBestStep: bestValidationStep,
        validationEndLoss: held?.endLevel)
    // A validation loss that rises with a training loss kicked uphill is the divergence, not overfitting.
    let overfitting = held.flatMap { held in
        held.overfits && verdict != .diverged && verdict != .oscillating
            ? bestValidationStep.map { Overfitting(fromStep: $0, bestValidationLoss: held.best, endValidationLoss: held.endLevel) }
            : nil
    }
    let text = DiagnosisRules.explanation(
        verdict, factor: factor, evidence: evidence, override: reason, confidence: confidence,
        rates: rates)
    return Diagnosis(
        verdict: verdict, symptom: text.symptom, cause: text.cause, fix: text.fix,
        learningRateFactor: factor, decayNow: verdict == .plateau, evidence: evidence,
        confidence: confidence, overfitting: overfitting)
}

/// 1% of the starting loss, the first loss (the untrained model's, before a rate far too large
/// can blow the next ones up), below which no change counts as material; nil when a loss is not
/// finite or negative (a loss that can be negative, such as a density's negative log-likelihood,
/// has no such floor).
private func materialityFloor(_ losses: [Double]) -> Double? {
    guard losses.allSatisfy({ $0.isFinite && $0 >= 0 }), let first = losses.first, first > 0 else { return nil }
    return 0.01 * first
}

/// The training loss at the end: the median of the last max(2, n/10) losses.
private func finalLevel(_ losses: [Double]) -> Double? {
    losses.count >= 2 ? RobustStatistics.median(losses[(losses.count - max(2, losses.count / 10))...]) : nil
}

/// The index of the peak learning rate when the rate warmed up to it (its first value under a
/// fifth of the peak, with a quarter of the run or more left after it and no NaN before it);
/// else 0. The loss barely moves while a warming rate is tiny, which is the schedule's doing.
private func warmupEnd(_ rates: [Double]?, losses: [Double]) -> Int {
    guard let rates, let first = rates.first, first.isFinite,
        let peak = rates.indices.filter({ rates[$0].isFinite }).max(by: { rates[$0] < rates[$1] })  // the first of equal maxima
    else { return 0 }
    let left = losses.count - peak
    guard peak > 0, first < rates[peak] / 5, left >= max(minimumDiagnosisPoints, losses.count / 4),
        losses[..<peak].allSatisfy(\.isFinite)
    else { return 0 }
    return peak
}
