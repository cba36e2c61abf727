import Foundation

/// The fewest loss values `diagnose` accepts.
public let minimumDiagnosisPoints = 5

/// Diagnoses a run: one verdict on the learning rate, with its symptom, cause, fix, confidence
/// and evidence, and an overfitting note when the validation loss rises after its best.
///
/// The verdict answers which single change of the learning rate would most improve what the user
/// cares about: the best validation loss when the log has one, else the final training loss.
/// Works on raw per-step mini-batch losses (noisy), short or long, on the natural log of the loss.
/// Two rules settle the clear cases:
/// 1. a NaN or infinite training loss → **diverged** (÷100);
/// 2. a change counts only when it improves the loss the user cares about by more than 1% of the
///    first loss, so a run already below that floor is **healthy**.
/// Every other run is named by `DiagnosisReader` from its `RunFeatures`, which read the whole
/// run: the training loss (also from the peak of a warmed-up rate on), the validation loss and the
/// learning rate's course. For each verdict it gives the probability that the verdict is
/// acceptable; it names the most likely: **healthy** (keep), **too_slow** (×10 when the loss barely
/// moved, else ×3), **oscillating** (÷10), **diverged** (÷100) or **plateau** (decay now), with
/// that probability as its confidence (≥ 0.7 high, ≥ 0.5 medium, else low); a low too_slow
/// recommends ×3, the smaller move. The reader is trained by scripts/diagnosis-reader on real
/// runs labelled by what rerunning them at other learning rates did (docs/diagnosis.md). A few
/// checks (`DiagnosisRules.Checks`) overrule it where issue 12's definition speaks plainly: a log
/// whose running median climbed over 10× above its first loss and that ends above it is diverged
/// (a sustained rise, not one spike); a steady fall is never told to lower the rate. The reader
/// itself reads one spike in a flat, noisy curve as no move, and a run whose validation loss
/// overfits as healthy for the rate (tests hold both). A healthy run says why: its validation loss
/// rose after its best (overfitting: stop earlier or regularise), its losses did not move (no
/// ×3–×10 change helps materially: low confidence, and a range test to place the rate), or its
/// validation loss converged. The evidence and the words describe
/// the training loss from the peak of a warmed-up rate on (its first value under a fifth of its
/// peak), so that the schedule's slow start is not described as the run's.
///
/// - Parameters:
///   - losses: the training loss per logged step, in order; NaN or ±infinity for a non-finite loss.
///   - learningRates: the learning rate per logged step, if the log has them.
///   - steps: the step numbers, if the log has them (increasing), else row indices are used.
///   - validation: the validation loss at its own steps (any cadence), if the log has it.
/// - Throws: `DiagnosisError` for fewer than `minimumDiagnosisPoints` losses (unless one of them is
///   not finite, which is enough for **diverged**), for mismatched columns, or for a damaged
///   installation whose reader cannot be read.
public func diagnose(
    losses: [Double], learningRates: [Double]? = nil, steps: [Int]? = nil,
    validation: (steps: [Int], losses: [Double])? = nil
) throws -> Diagnosis {
    let reader = try DiagnosisReader.shipped.get()
    return try diagnose(
        losses: losses, learningRates: learningRates, steps: steps, validation: validation, checks: .all,
        vote: reader.vote(for:))
}

/// `diagnose` with the reader's vote given (a test scores readers trained without a run's data
/// set through it) and the checks that may overrule it chosen.
func diagnose(
    losses: [Double], learningRates: [Double]?, steps: [Int]?, validation: (steps: [Int], losses: [Double])?,
    checks: DiagnosisRules.Checks, vote: ([Double]) -> (verdict: Verdict, probability: Double)
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
    let blewUp = losses.contains { !$0.isFinite }
    // The evidence is read from the peak of a warmed-up rate on, so that the warmup's slow start is
    // not described as the run's; a loss that blew up is read whole.
    let offset = blewUp ? 0 : warmupEnd(learningRates, losses: losses)
    let whole = LossCurve(losses: losses)
    let curve = offset == 0 ? whole : LossCurve(losses: Array(losses[offset...]))
    let step = { (index: Int) in steps?[index + offset] ?? index + offset }
    let held = validation.flatMap { ValidationCurve(losses: $0.losses) }
    let rates = learningRates.flatMap { DiagnosisRules.RateHistory($0[...]) }

    var verdict: Verdict
    var confidence: Confidence
    var reason: DiagnosisRules.Override?
    if blewUp {
        (verdict, confidence) = (.diverged, .high)
    } else if let floor = materialityFloor(losses), let reached = held?.best ?? finalLevel(losses), reached <= floor {
        (verdict, confidence, reason) = (.healthy, .high, .nothingLeftToGain)
    } else {
        let read = vote(readerFeatures(losses, learningRates: learningRates, validation: validation?.losses))
        (verdict, confidence) = (read.verdict, Confidence(share: read.probability))
        if let ruled = DiagnosisRules.overrule(verdict, whole: whole, checks: checks) {
            (verdict, confidence, reason) = ruled
        } else if verdict == .healthy {
            if held?.overfits == true {
                reason = .overfitting
            } else if DiagnosisRules.didNotMove(curve, validation: held) {
                (confidence, reason) = (.low, .noProgress)
            } else if held?.converged == true {
                reason = .validationConverged
            }
        }
    }
    var factor = DiagnosisRules.learningRateFactor(verdict, curve: curve)
    // Weak evidence recommends the smaller move.
    if verdict == .tooSlow && confidence == .low { factor = min(factor, 3) }

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
        confidence: confidence, overfitting: overfitting, didNotTrain: reason == .noProgress)
}

/// The longest training log the reader reads as it is: its training runs have up to 600 steps,
/// and its measurements do not count points, but a far longer log is read as the means over
/// equal windows that a training loop logging a running mean would have written.
private let readerPoints = 1500

/// The reader's measurements of a run, from windows of its log past `readerPoints` losses.
private func readerFeatures(_ losses: [Double], learningRates: [Double]?, validation: [Double]?) -> [Double] {
    let width = (losses.count + readerPoints - 1) / readerPoints
    let read = { (values: [Double]) in width > 1 ? windowMeans(values, width: width) : values }
    return RunFeatures(losses: read(losses), learningRates: learningRates.map(read), validation: validation).values
}

/// Means over consecutive windows of `width` values (a last, shorter window is left out).
private func windowMeans(_ values: [Double], width: Int) -> [Double] {
    stride(from: 0, through: values.count - width, by: width).map { start in
        values[start..<start + width].reduce(0, +) / Double(width)
    }
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
