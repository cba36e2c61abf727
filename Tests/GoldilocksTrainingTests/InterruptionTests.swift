import GoldilocksCore
import GoldilocksNetworks
import Testing
import TrainingTestSupport

@testable import GoldilocksTraining

@Suite struct InterruptionTests {
    @Test func aStopRequestEndsTheRunAtTheNextStepWithTheStepsDone() throws {
        var rng = SeededGenerator(seed: 1)
        let model = try MLP<Float>(widths: [4, 8, 3], generator: &rng)
        let trainer = Trainer(model: model, optimizer: PlainSGD(learningRates: [0.1]))
        let history = History()
        var stepsSeen = 0
        // Asked after each step (and epoch); says stop once 25 steps are done, as a signal
        // arriving during step 25 would.
        let interruption = Interruption { stepsSeen >= 25 }
        final class Counter: TrainingCallback {
            var onStep: () -> Void
            init(_ onStep: @escaping () -> Void) { self.onStep = onStep }
            func stepEnded(_ record: StepRecord) -> TrainingDecision {
                onStep()
                return .continue
            }
        }
        let counter = Counter { stepsSeen += 1 }
        // 160 rows in batches of 16: 10 steps an epoch, 50 in all.
        let summary = try trainer.fit(
            try clusters(count: 160, seed: 2), epochs: 5, batchSize: 16, generator: &rng,
            callbacks: [history, counter, interruption])
        #expect(interruption.interrupted)
        #expect(interruption.stepsDone == 25)
        #expect(summary.steps == 25)
        #expect(history.steps.count == 25)
        #expect(summary.stoppedEarly == "interrupted at step 25 of 50")
        #expect(summary.epochs == 2)  // the two epochs finished before the stop
    }

    @Test func noStopRequestLeavesTheRunAlone() throws {
        var rng = SeededGenerator(seed: 1)
        let model = try MLP<Float>(widths: [4, 8, 3], generator: &rng)
        let trainer = Trainer(model: model, optimizer: PlainSGD(learningRates: [0.1]))
        let interruption = Interruption { false }
        let summary = try trainer.fit(try clusters(count: 160, seed: 2), epochs: 2, batchSize: 16, generator: &rng, callbacks: [interruption])
        #expect(!interruption.interrupted)
        #expect(summary.steps == 20)
        #expect(summary.stoppedEarly == nil)
    }
}
