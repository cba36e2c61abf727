import Foundation
import GoldilocksDiagnosis
import GoldilocksLandscapes
import GoldilocksLogs
import GoldilocksOptimizers
import GoldilocksSchedules
import GoldilocksSpec
import GoldilocksTraining
import Testing

@Test func everyRateStartsFromTheSameWeightsAndBatches() async throws {
    var configuration = RunConfiguration(data: "iris")
    configuration.epochs = 5
    let runs = try await LearningRateComparison.train(configuration, learningRates: [1e-5, 1e-2, 1e4])
    #expect(runs.map(\.learningRate) == [1e-5, 1e-2, 1e4])
    // The first batch's loss comes before any update, so it is the same in every run.
    #expect(Set(runs.map { $0.losses[0] }).count == 1)
    #expect(runs[1].validationLoss! < runs[0].validationLoss!)  // 1e-2 beats the snail
    // The maniac is not rescued in a comparison.
    #expect(runs[2].stoppedEarly != nil || runs[2].validationLoss! > runs[1].validationLoss!)
}

@Test func onAFunctionTheRatesAreTheSnailTheMatchAndTheManiac() throws {
    let runs = try LearningRateComparison.function(
        .quadratic, start: [5, 5], optimizer: Spec(name: "SGD"), learningRates: [0.001, 0.1, 1.1], steps: 50)
    #expect(runs[0].finalLoss > 40)  // 50·(0.998)¹⁰⁰ ≈ 40.9: barely moved
    #expect(runs[1].finalLoss < 2e-8)  // 50·0.8¹⁰⁰ ≈ 1.02e-8
    #expect(runs[2].finalLoss > 1e6)
    #expect(runs.allSatisfy { $0.losses.count == 51 })
}

@Test func aLoggedRunIsComparedByItsFileWithItsFirstNonFiniteStep() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("compare-\(UInt64.random(in: 0...UInt64.max)).csv").path
    try "step,loss,lr\n0,2.0,0.1\n1,1.5,0.1\n2,nan,0.1\n".write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let run = LearningRateComparison.logged(try LossLog.read(path), name: "run A")
    #expect(run.name == "run A" && run.learningRate == 0.1)
    #expect(run.losses.count == 3)
    #expect(run.stoppedEarly == "the loss stopped being finite at step 2")
}

@Test func aLoggedRunIsDiagnosedWithItsValidationLossAsDiagnoseReadsIt() throws {
    // Training loss still falling; validation loss best at step 240, then 40% higher: overfitting.
    let steps = Array(0..<500)
    let training = steps.map { 2.3 * exp(-1.2 * Double($0) / 500) + 0.01 * sin(Double($0)) }
    let epochEnds = Array(stride(from: 24, to: 500, by: 25))
    let validation = epochEnds.indices.map { k in k <= 9 ? 1.5 - 0.1 * Double(k) : 0.6 + 0.03 * Double(k - 9) }
    let log = LossLog(
        loss: LogSeries(name: "loss", steps: steps, values: training),
        validation: LogSeries(name: "val_loss", steps: epochEnds, values: validation))
    let run = LearningRateComparison.logged(log, name: "overfit")
    #expect(run.diagnosis == (try log.diagnosis()))
    #expect(run.diagnosis?.overfitting?.fromStep == epochEnds[9])
}

/// On a landscape the verdict is what rerunning does: each move it names, rerun from scratch,
/// lowers the final loss by more than 20%, and a healthy rate has no such move. Read as a
/// network's log, these noiseless curves all looked healthy (docs/diagnosis.md).
@Test func onAFunctionEachVerdictIsWhatRerunningDoes() throws {
    let sgd = Spec(name: "SGD")
    let runs = try LearningRateComparison.function(
        .rosenbrock, start: [-1.2, 1], optimizer: sgd, learningRates: [1e-4, 1e-3, 4e-3], steps: 300)
    #expect(runs.map { $0.diagnosis?.verdict } == [.tooSlow, .tooSlow, .healthy])
    for run in runs {
        let diagnosis = try #require(run.diagnosis)
        let moved = try LearningRateComparison.function(
            .rosenbrock, start: [-1.2, 1], optimizer: sgd, learningRates: [run.learningRate * diagnosis.learningRateFactor],
            steps: 300)[0]
        if diagnosis.verdict == .healthy {
            #expect(diagnosis.fix == "keep the learning rate")
        } else {
            #expect(moved.finalLoss < 0.8 * run.finalLoss, "\(run.learningRate): \(diagnosis.cause)")
        }
    }
}

/// The reruns are the run at ×3, ×10, ÷10, ÷100, and ÷10 from the middle on, to the last digit,
/// whether the rate is the optimizer's or a schedule's.
@Test(arguments: [false, true])
func theRerunsOfARunOnAFunctionAreThoseRunsExactly(scheduled: Bool) throws {
    let landscape = try LandscapeFunction.rosenbrock.landscape(dimension: 2)
    let sgd = { (rate: Double) in try makeOptimizer(Spec(name: "SGD", parameters: ["lr": .number(rate)]), parameterCount: 2) as any Optimizer<Double> }
    let make: LandscapeRunMaker = { rate in
        // A decay past the run's end: the same rates as none.
        (try sgd(rate), scheduled ? MultiStepDecay(learningRate: rate, milestones: [10_000]) : nil)
    }
    let start = [-1.2, 1.0]
    let path = try Trajectory(landscape: landscape, start: start, optimizer: sgd(1e-3), steps: 300)
    let diagnosis = try diagnoseLandscapeRun(path, landscape: landscape, start: start, steps: 300, learningRate: 1e-3, make: make)
    let reruns = try #require(diagnosis.reruns)
    #expect(reruns.map(\.change) == ["×3", "×10", "÷10", "÷100", "÷10 from step 150"])
    for (rerun, rate) in zip(reruns.prefix(4), [3e-3, 1e-2, 1e-4, 1e-5]) {
        let expected = try Trajectory(landscape: landscape, start: start, optimizer: sgd(rate), steps: 300)
        #expect(rerun.loss == (expected.divergedAt == nil ? expected.rows.last?.loss : nil), "\(rerun.change)")
    }
    let decayed = try Trajectory(
        landscape: landscape, start: start, optimizer: sgd(1e-3), schedule: MultiStepDecay(learningRate: 1e-3, milestones: [150]), steps: 300)
    #expect(reruns[4].loss == decayed.rows.last?.loss)
    #expect(reruns[1].loss == nil && !reruns[1].helped)  // ×10 diverges
    #expect(reruns[0].helped && diagnosis.verdict == .tooSlow && diagnosis.learningRateFactor == 3)
}
