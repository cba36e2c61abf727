import Foundation
@testable import GoldilocksDiagnosis
import TestSupport
import Testing

/// Deterministic noise in [-1, 1) from an index (a hash, no generator state).
private func noise(_ i: Int) -> Double {
    var x = UInt64(truncatingIfNeeded: i) &* 0x9E37_79B9_7F4A_7C15
    x ^= x >> 31
    x = x &* 0xBF58_476D_1CE4_E5B9
    x ^= x >> 29
    return Double(x >> 11) / Double(1 << 52) - 1
}

/// `level(t)` for t in [0, 1) over `count` steps, times exp(amplitude · noise): mini-batch noise.
private func curve(_ count: Int, amplitude: Double, _ level: (Double) -> Double) -> [Double] {
    (0..<count).map { level(Double($0) / Double(count)) * exp(amplitude * noise($0)) }
}

/// Smooth fall to a floor over the first 30%, then flat: the textbook plateau.
private let plateau = curve(600, amplitude: 0.02) { 0.2 + 2.1 * max(0, 1 - $0 / 0.3) }

@Test func aSmoothNearlyFlatCurveIsTooSlowByTen() throws {
    let d = try diagnose(losses: curve(400, amplitude: 0.005) { 2.3 - 0.1 * $0 })
    #expect(d.verdict == .tooSlow)
    #expect(d.learningRateFactor == 10)
}

@Test func aSmoothSteadilyFallingCurveIsTooSlowByThree() throws {
    let d = try diagnose(losses: curve(500, amplitude: 0.01) { 2.3 * exp(-1.2 * $0) })
    #expect(d.verdict == .tooSlow)
    #expect(d.learningRateFactor == 3)
    #expect(d.evidence.lateProgress > 0.3)
}

@Test func aNoisyCurveStillFallingAtItsEndIsTooSlow() throws {
    // Mini-batch noise as at a good learning rate, but the last quarter makes 44% of the decrease.
    let d = try diagnose(losses: curve(800, amplitude: 1) { 2.3 * exp(-4 * $0 * $0) })
    #expect(d.verdict == .tooSlow)
    #expect(d.evidence.lateShare > 0.3)
}

@Test func aNoisyLogThatBarelyMovedIsTooSlowByTen() throws {
    let d = try diagnose(losses: curve(500, amplitude: 0.5) { 2.3 - 0.05 * $0 })
    #expect(d.verdict == .tooSlow)
    #expect(d.learningRateFactor == 10)
}

@Test func aNaNIsDivergedWithItsStep() throws {
    let losses = [2.3, 2.1, 5.0, 80.0, .nan, .nan]
    let d = try diagnose(losses: losses, steps: [10, 20, 30, 40, 50, 60])
    #expect(d.verdict == .diverged)
    #expect(d.learningRateFactor == 0.01)
    #expect(d.evidence.firstNonFiniteStep == 50)
}

@Test func aShortLogEndingInInfinityIsStillDiverged() throws {
    #expect(try diagnose(losses: [1.0, .infinity]).verdict == .diverged)
}

@Test func anExplodingLossIsDiverged() throws {
    let d = try diagnose(losses: curve(200, amplitude: 0.05) { exp(8 * $0) })
    #expect(d.verdict == .diverged)
    #expect(d.evidence.peakOverStart > 100)
}

@Test func aLossThatJumpsAboveItsStartAndStaysHighIsOscillating() throws {
    // Mini-batch noise is small, yet the loss swings up to 1.4× its start and back, without progress.
    let d = try diagnose(losses: curve(300, amplitude: 0.05) { $0 < 0.1 ? 1 : 0.8 + 0.6 * sin(40 * $0) })
    #expect(d.verdict == .oscillating)
    #expect(d.learningRateFactor == 0.1)
}

@Test func aNoisyLossThatClimbsBackFromItsBestIsOscillating() throws {
    let d = try diagnose(losses: curve(800, amplitude: 0.6) { 2.3 * exp(-6 * $0) + ($0 > 0.5 ? 1.2 * ($0 - 0.5) : 0) })
    #expect(d.verdict == .oscillating)
}

@Test func aFlatFloorAfterFastProgressHasItsStallStep() throws {
    let d = try diagnose(losses: plateau)
    let stall = try #require(d.evidence.stallStep)
    #expect(stall >= 150 && stall <= 250)
    #expect(d.evidence.quarterShare > 0.5)
}

@Test func aNoisyDecreaseThatSettlesIsHealthy() throws {
    let d = try diagnose(losses: curve(1000, amplitude: 1) { 0.1 + 2.2 * exp(-8 * $0) })
    #expect(d.verdict == .healthy)
    #expect(d.learningRateFactor == 1)
    #expect(!d.decayNow)
}

@Test func fivePointsAreEnoughAndFourAreNot() throws {
    #expect(try diagnose(losses: [2.3, 2.29, 2.28, 2.27, 2.26]).verdict == .tooSlow)
    #expect(throws: DiagnosisError.notEnoughPoints(count: 4, needed: 5)) {
        try diagnose(losses: [2.3, 2.29, 2.28, 2.27])
    }
}

@Test func theLearningRateColumnGivesTheSuggestedRateWithoutChangingTheVerdict() throws {
    let losses = curve(400, amplitude: 0.005) { 2.3 - 0.1 * $0 }
    let with = try diagnose(losses: losses, learningRates: Array(repeating: 1e-5, count: 400))
    let without = try diagnose(losses: losses)
    #expect(with.verdict == without.verdict)
    #expect(with.evidence.learningRate == 1e-5)
    #expect(with.evidence.suggestedLearningRate == 1e-5 * with.learningRateFactor)
    #expect(without.evidence.suggestedLearningRate == nil)
}

@Test func mismatchedColumnsAndBackwardStepsAreErrorsThatSayWhatToDo() throws {
    #expect(throws: DiagnosisError.lengthMismatch(column: "learning rate", count: 2, losses: 5)) {
        try diagnose(losses: [1, 1, 1, 1, 1], learningRates: [0.1, 0.1])
    }
    #expect(throws: DiagnosisError.stepsNotIncreasing(index: 2)) {
        try diagnose(losses: [1, 1, 1, 1, 1], steps: [0, 1, 1, 2, 3])
    }
    #expect(DiagnosisError.notEnoughPoints(count: 3, needed: 5).description.contains("at least 5"))
    let damaged = DiagnosisError.modelUnavailable(reason: "diagnosis-reader.json cannot be read").description
    #expect(damaged.contains("diagnosis-reader.json cannot be read") && damaged.contains("reinstall"))
}

@Test func stepsNumberTheEvidence() throws {
    let d = try diagnose(losses: plateau, steps: plateau.indices.map { 100 * $0 })
    #expect(d.evidence.bestStep % 100 == 0)
    #expect(try #require(d.evidence.stallStep) % 100 == 0)
}

@Test func aHundredThousandPointsAreDiagnosedQuickly() throws {
    let losses = curve(100_000, amplitude: 1) { 0.1 + 2.2 * exp(-8 * $0) }
    let clock = ContinuousClock()
    let started = clock.now
    let d = try diagnose(losses: losses)
    // 5 s optimised; unoptimised it measured 8.9 s on a busy 2-core machine, and a quadratic
    // pass over 100,000 points would still take far longer than a minute.
    #expect(clock.now - started < .seconds(isOptimized ? 5 : 60))
    // Read as the means over windows of 100 steps, as the reader reads a log past 1,500 points.
    let means = try diagnose(losses: (0..<1000).map { w in losses[(100 * w)..<(100 * w + 100)].reduce(0, +) / 100 })
    #expect(d.verdict == means.verdict)
}

@Test func negativeLossesStillHaveAShape() throws {
    #expect(try diagnose(losses: plateau.map { $0 - 1 }).verdict != .diverged)
}

@Test func oneSpikeInAFlatNoisyCurveFromATinyRateIsNotDivergence() throws {
    // SGD at 5e-5 on a regression: 400 flat, noisy steps with one mini-batch at 3× the start.
    var losses = curve(400, amplitude: 0.3) { _ in 1.0 }
    losses[250] = 3 * losses[0]
    let d = try diagnose(losses: losses)
    // Never the opposite of the fix: no move, and with low confidence (the reader learned such curves).
    #expect(d.verdict != .diverged && d.verdict != .oscillating)
    #expect(d.learningRateFactor >= 1)
    #expect(d.confidence == .low)
}

@Test func aRunThatJumpsUpAndStaysIsStillDivergedThoughItIsFlat() throws {
    // A rate far too large: one step kicks the loss to 20× and it never comes back.
    let losses = (0..<400).map { $0 < 3 ? 1.0 : 20 * exp(0.3 * noise($0)) }
    #expect(try diagnose(losses: losses).verdict == .diverged)
}

@Test func oneOutlierBatchTenTimesTheFirstLossIsNoBlowUpButAClimbThatLastsIs() throws {
    // A tiny rate on a heavy-tailed target: flat around 1, a first batch low by chance (0.5) and
    // one outlier batch at 12× it; the level ends above the first loss, as in validation5's
    // friedman3 runs. The highest single loss passes 10× the first; the running median does not.
    var flat = (0..<400).map { 1.0 * exp(0.2 * noise($0)) }
    flat[0] = 0.5
    flat[200] = 6.0
    let outlier = LossCurve(losses: flat)
    #expect(exp(outlier.levels.max()! - outlier.levels[0]) > 10)
    #expect(!DiagnosisRules.blewUp(outlier))
    // The same start, then the loss climbs to 20× and stays: a blow-up.
    let climb = LossCurve(losses: flat.indices.map { $0 < 100 ? flat[$0] : 20 * exp(0.2 * noise($0)) })
    #expect(DiagnosisRules.blewUp(climb))
}

/// A training loss still falling steadily: the reader calls it too slow.
private let stillFalling = curve(500, amplitude: 0.01) { 2.3 * exp(-1.2 * $0) }
private let epochSteps = Array(stride(from: 24, to: 500, by: 25))

@Test func aValidationLossRisingAfterItsBestIsOverfittingAndHealthyForTheRate() throws {
    // Validation best at epoch 8, then 40% higher by the end.
    let validation: [Double] = epochSteps.indices.map { (k: Int) -> Double in
        k <= 8 ? 1.5 - 0.1 * Double(k) : 0.7 + 0.03 * Double(k - 8)
    }
    let d = try diagnose(losses: stillFalling, validation: (epochSteps, validation))
    #expect(d.verdict == .healthy)
    #expect(d.learningRateFactor == 1)
    #expect(d.overfitting?.fromStep == epochSteps[8])
    #expect(d.fix.contains("stop at step \(epochSteps[8])"))
    #expect(d.overfitting?.description.contains("rises from step \(epochSteps[8])") == true)
}

@Test func aValidationLossStillFallingKeepsTooSlow() throws {
    let validation: [Double] = epochSteps.indices.map { (k: Int) -> Double in 1.5 * exp(-Double(k) / 12) }
    let d = try diagnose(losses: stillFalling, validation: (epochSteps, validation))
    #expect(d.verdict == .tooSlow)
    #expect(d.learningRateFactor > 1)
}

@Test func aWarmupIsReadAsTheSchedulesAndTheLossIsReadFromThePeak() throws {
    // 100 warmup steps at a tiny rate (the loss barely moves), then a healthy fall to a floor.
    let losses: [Double] = (0..<600).map { (t: Int) -> Double in
        t < 100 ? 2.3 : 0.2 + 2.1 * exp(-Double(t - 100) / 40)
    }
    let rates: [Double] = (0..<600).map { (t: Int) -> Double in 1e-3 * min(1, Double(t + 1) / 100) }
    let d = try diagnose(losses: losses, learningRates: rates)
    #expect(d.evidence.readFromStep == 99)
}

@Test func theJSONCarriesConfidenceAndAnOverfittingFieldAlways() throws {
    let d = try diagnose(losses: stillFalling)
    let json = String(decoding: try JSONEncoder().encode(d), as: UTF8.self)
    #expect(json.contains("\"confidence\":\""))
    #expect(json.contains("\"overfitting\":null"))
}

@Test func aRunThatBlewUpAtItsSecondStepIsNotCalledConvergedByItsHugeStart() throws {
    // lr 1e9 on iris: 1.1 before training, then losses near 1e29 falling to 1e23 as the guard cuts the rate.
    let losses = [1.1] + (1..<80).map { 3e29 * pow(0.8, Double($0)) }
    let validation: [Double] = (0..<20).map { (k: Int) -> Double in k < 10 ? 1e24 / Double(k + 1) : 1e23 * Double(k) }
    let d = try diagnose(losses: losses, validation: (Array(stride(from: 3, to: 80, by: 4)), validation))
    #expect(d.verdict == .diverged)
    #expect(d.overfitting == nil)
}

/// A real `train --data iris --lr auto` run (Fixtures/auto-iris-run.json): one-cycle to a peak of
/// 0.00627, 80 steps of 24-row batches. Rerun at ÷10 (three seeds), its best validation loss was
/// 0.68–0.74 instead of 0.07–0.08: the noise at the end is the batches', not the rate's.
private struct RecordedRun: Decodable {
    let losses: [Double]
    let learningRates: [Double]
    let validationSteps: [Int]
    let validationLosses: [Double]

    enum CodingKeys: String, CodingKey {
        case losses
        case learningRates = "learning_rates"
        case validationSteps = "validation_steps"
        case validationLosses = "validation_losses"
    }
}

@Test func batchNoiseAfterTheScheduleAnnealedTheRateIsNotARateTooLarge() throws {
    let run = try loadFixture(RecordedRun.self, named: "auto-iris-run", in: Bundle.module)
    let validation = (steps: run.validationSteps, losses: run.validationLosses)
    let d = try diagnose(losses: run.losses, learningRates: run.learningRates, validation: validation)
    #expect(d.verdict == .healthy, "\(d.symptom)")
    #expect(d.learningRateFactor == 1)
    // Its validation loss fell and held: the words say so.
    #expect(d.symptom.contains("no longer improving"), "\(d.symptom)")
    #expect(d.overfitting == nil)
}

/// A real `train --data wine --lr auto` run (Fixtures/auto-wine-run.json): one-cycle to 0.0347;
/// the warmup took the loss to 2e-6, and a later kick to 0.59 stayed below the untrained model's
/// 1.16. Rerun over three seeds, its best validation loss was 0.048–0.085; at ÷10 0.028–0.077
/// (within the seeds' spread) and at ÷100 0.87–0.90. So not "diverged, ÷100".
@Test func aKickBelowTheUntrainedLossAfterAWarmupIsNotDivergence() throws {
    let run = try loadFixture(RecordedRun.self, named: "auto-wine-run", in: Bundle.module)
    let d = try diagnose(
        losses: run.losses, learningRates: run.learningRates,
        validation: (steps: run.validationSteps, losses: run.validationLosses))
    #expect(d.verdict != .diverged)
    #expect(d.learningRateFactor >= 0.1)
    #expect(d.overfitting?.fromStep == 24)
}


/// A real `train --data digits --lr 0.00001 --epochs 5` run (Fixtures/digits-tiny-rate-run.json):
/// neither loss moved. Rerun at ×10 its validation loss fell only 9.5% (2.303 → 2.085), under the
/// 20% that counts; at ×100 it fell to 0.198. So by issue 12's definition no ×3–×10 move helps
/// (healthy), and the words must not say the rate suits the run.
@Test func aRunThatDidNotMoveIsNotCalledARateThatSuitsIt() throws {
    let run = try loadFixture(RecordedRun.self, named: "digits-tiny-rate-run", in: Bundle.module)
    let d = try diagnose(
        losses: run.losses, learningRates: run.learningRates,
        validation: (steps: run.validationSteps, losses: run.validationLosses))
    #expect(d.learningRateFactor >= 1, "never lower a rate that did not move the loss")
    if d.verdict == .healthy {
        #expect(d.confidence == .low)
        #expect(d.symptom.contains("did not train") && d.didNotTrain, "\(d.symptom)")
        #expect(d.cause.contains("100× or more too small") && d.fix.contains("goldilocks find"), "\(d.cause) \(d.fix)")
    } else {
        #expect(d.verdict == .tooSlow)
    }
}

/// Plain gradient descent at 1e-4 on Rosenbrock from (−1.2, 1): a noiseless loss that falls
/// steadily from 24.2 to 4 and never comes back up. Far from the networks' curves the reader
/// learned from, it once read as diverged (÷100); nothing in it shows a rate too large.
@Test func aSteadyNoiselessFallIsNeverToldToLowerItsRate() throws {
    var (x, y) = (-1.2, 1.0)
    var losses: [Double] = []
    for _ in 0..<500 {
        losses.append((1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x))
        let (gx, gy) = (-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x))
        (x, y) = (x - 1e-4 * gx, y - 1e-4 * gy)
    }
    let d = try diagnose(losses: losses)
    #expect(d.learningRateFactor >= 1, "\(d.verdict): \(d.symptom)")
    #expect(d.verdict != .diverged && d.verdict != .oscillating)
    if d.verdict == .healthy {
        // Not the words of a flat curve with a spike, nor of a rate that suits the run.
        #expect(d.symptom.contains("steadily") && d.confidence == .low, "\(d.symptom)")
    }
}
