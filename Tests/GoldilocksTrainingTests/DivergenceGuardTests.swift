import GoldilocksCore
import GoldilocksNetworks
@testable import GoldilocksTraining
import Testing
import TrainingTestSupport

private func record(_ step: Int, _ loss: Double, lr: Double = 0.1) -> StepRecord {
    StepRecord(step: step, epoch: 0, loss: loss, learningRate: lr)
}

@Test func aNaNLossIsRescuedAtOnceWithATenthOfTheRate() throws {
    var messages: [String] = []
    let guardian = DivergenceGuard(report: { messages.append($0) })
    #expect(guardian.stepEnded(record(0, 2.3)) == .continue)
    guard case .restore(let factor, let reason) = guardian.stepEnded(record(1, .nan)) else {
        Issue.record("a NaN loss was not rescued")
        return
    }
    #expect(factor == 0.1)
    #expect(reason.contains("NaN at step 1"))
    #expect(messages.count == 1 && messages[0].contains("from 0.1 to 0.01"))
}

@Test func noisyButHealthyLossesAreLeftAlone() throws {
    let guardian = DivergenceGuard()
    var rng = SeededGenerator(seed: 4)
    for step in 0..<2000 {
        // A falling loss with ±50% mini-batch noise.
        let loss = 2 * (1 + 0.5 * (2 * rng.nextUnitDouble() - 1)) / (1 + Double(step) / 100)
        #expect(guardian.stepEnded(record(step, loss)) == .continue)
    }
}

@Test func aRisingSmoothedLossIsDivergence() throws {
    let guardian = DivergenceGuard()
    for step in 0..<50 { _ = guardian.stepEnded(record(step, 1)) }
    var decision = TrainingDecision.continue
    var step = 50
    while decision == .continue && step < 200 {
        decision = guardian.stepEnded(record(step, Double(step - 49) * 2))
        step += 1
    }
    guard case .restore = decision else {
        Issue.record("a loss rising linearly was never called divergence")
        return
    }
    #expect(step < 80)
}

@Test func theGuardGivesUpAfterItsRescues() throws {
    let guardian = DivergenceGuard(maximumRescues: 2)
    #expect(guardian.stepEnded(record(0, .nan)) != .continue)
    #expect(guardian.stepEnded(record(1, .infinity)) != .continue)
    guard case .stop(let reason) = guardian.stepEnded(record(2, .nan)) else {
        Issue.record("the guard did not give up")
        return
    }
    #expect(reason.contains("gave up after 2 rescues"))
}

@Test func aRunMadeToDivergeFinishesUnderTheGuard() throws {
    // SGD at lr 50 on the clusters blows up within a few steps; without the guard the run dies.
    func run(guarded: Bool) throws -> (TrainingSummary, History) {
        var rng = SeededGenerator(seed: 1)
        let model = try MLP<Float>(widths: [4, 16, 3], generator: &rng)
        let history = History()
        let trainer = Trainer(model: model, optimizer: PlainSGD(learningRates: [50]))
        let callbacks: [any TrainingCallback] = guarded ? [history, DivergenceGuard()] : [history]
        let summary = try trainer.fit(
            try clusters(count: 300, seed: 2), validation: try clusters(count: 150, seed: 3), epochs: 10, batchSize: 16,
            generator: &rng, callbacks: callbacks)
        return (summary, history)
    }
    let (dead, _) = try run(guarded: false)
    #expect(dead.stoppedEarly != nil)
    let (rescued, history) = try run(guarded: true)
    #expect(rescued.stoppedEarly == nil)
    #expect(rescued.epochs == 10)
    #expect(rescued.rescues >= 1 && rescued.rescues <= 3)
    #expect(history.steps.last!.learningRate < 50)
    #expect(rescued.validationAccuracy! > 0.9, "rescues \(rescued.rescues), final lr \(history.steps.last!.learningRate), losses \(history.epochs.map(\.trainLoss))")
}
