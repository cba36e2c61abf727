import GoldilocksCore
@testable import GoldilocksData
import GoldilocksFinder
import GoldilocksNetworks
import GoldilocksOptimizers
import GoldilocksSpec
import Testing
import TrainingTestSupport

@testable import GoldilocksTraining

/// Whether two runs' numbers agree to float rounding (relative 1e-5): the same steps, summed in
/// another order by another matrix kernel.
private func agree(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-5 * max(abs($0), abs($1), 1e-3) }
}

@Suite("TrainingStep, the one step of the trainer, the range test and the benchmark")
struct TrainingStepTests {
    static func adam(_ model: MLP<Float>, lr: Double = 0.01) throws -> any Optimizer<Float> {
        try makeOptimizer(Spec(name: "Adam", parameters: ["lr": .number(lr)]), parameterCount: model.parameterCount, as: Float.self)
    }

    @Test func theTrainerTakesTheSameStepsAsBeforeTheSeam() throws {
        var rng = SeededGenerator(seed: 1)
        let model = try MLP<Float>(widths: [4, 8, 3], generator: &rng)
        let history = History()
        let trainer = Trainer(model: model, optimizer: try Self.adam(model))
        _ = try trainer.fit(try clusters(count: 40, seed: 2), epochs: 2, batchSize: 16, generator: &rng, callbacks: [history])
        // Printed by the trainer before it took a TrainingStep (fd146d9: its own
        // lossAndGradient and optimizer.step), on this seeded run, with OpenBLAS: the same numbers
        // to float rounding (the built-in kernels sum products in another order).
        #expect(
            agree(history.steps.map(\.loss), [
                1.3731170818209648, 1.2055941708385944, 1.160799689590931, 1.128305021673441, 1.173922173678875,
                0.8704258725047112,
            ]))
        #expect(agree(trainer.model.parameters.prefix(5).map(Double.init), [0.123758584, 0.18655017, 0.42182234, -0.005120675, -0.11278888]))
    }

    @Test func accumulatingTwoBatchesTakesTheSameStepsAsTheRangeTestBeforeTheSeam() throws {
        // The range test's old loop (fd146d9) with `accumulationSteps: 2`, batches of 16 from seed 0,
        // swept over LearningRateSweep(start: 1e-4, end: 1, iterations: 8) with Adam's state.
        var model = try smallModel()
        var optimizer = try defaultAdam(model)
        let data = try clusters(count: 40, seed: 1)
        let step = try TrainingStep(for: model, data: data, batchSize: 16)
        var batcher = try Batcher(dataset: data, batchSize: 16, seed: 0)
        var batches = [Batch(), Batch()]
        var losses: [Double] = []
        for lr in try LearningRateSweep(start: 1e-4, end: 1, iterations: 8).lrs {
            optimizer.learningRates = [lr]
            for k in batches.indices { batcher.fill(&batches[k]) }
            losses.append(try step(&model, &optimizer, accumulating: batches))
        }
        #expect(
            agree(losses, [
                1.2689503580331802, 1.1531916316598654, 1.2075138986110687, 1.325966415926814, 0.8956860285252333,
                1.241841945797205, 0.838128549978137, 0.6869659312069416,
            ]))
    }

    @Test func theLossComesFromTheTask() throws {
        #expect(TrainingStep.loss(for: .classification(classes: 4)) == .softmaxCrossEntropy)
        #expect(TrainingStep.loss(for: .regression) == .meanSquaredError)
    }

    @Test func aStandardisedTargetsLossIsReportedInItsOwnUnits() throws {
        var rng = SeededGenerator(seed: 4)
        let features = (0..<40).map { _ in Float(rng.nextNormal()) }
        var data = try Dataset(
            features: features, targets: (0..<20).map { Float(1000 + 300 * $0) }, featureCount: 2, task: .regression)
        let scaler = TargetStandardizer(fittedTo: data)
        scaler.apply(to: &data)
        #expect(data.lossScale == scaler.lossScale)
        var unscaled = data
        unscaled.lossScale = 1
        let model = try MLP<Float>(widths: [2, 4, 1], generator: &rng)
        let scaled = try TrainingStep(for: model, data: data, batchSize: 20), plain = try TrainingStep(for: model, data: unscaled, batchSize: 20)
        let (a, b) = (try scaled.evaluate(model, on: data).loss, try plain.evaluate(model, on: unscaled).loss)
        #expect(abs(a / b - scaler.lossScale) <= 1e-9 * scaler.lossScale)
    }

    @Test func aBatchTheStepWasNotMadeForIsAnError() throws {
        var rng = SeededGenerator(seed: 1)
        var model = try MLP<Float>(widths: [4, 8, 3], generator: &rng)
        var optimizer = try Self.adam(model)
        let data = try clusters(count: 40, seed: 2)
        let step = try TrainingStep(for: model, data: data, batchSize: 8)
        #expect(throws: TrainingError.emptyBatch) { try step(&model, &optimizer, on: Batch()) }
        var big = try Batcher(dataset: data, batchSize: 16)
        var batch = Batch()
        big.fill(&batch)
        #expect(throws: TrainingError.batchTooLarge(rows: 16, capacity: 8)) { try step(&model, &optimizer, on: batch) }
        var regression = try Batcher(
            dataset: try Dataset(features: [Float](repeating: 0, count: 8), targets: [0, 1], featureCount: 4, task: .regression),
            batchSize: 2)
        regression.fill(&batch)
        #expect(throws: TrainingError.taskMismatch(expected: .classification(classes: 3), found: .regression)) {
            try step(&model, &optimizer, on: batch)
        }
        var other = try MLP<Float>(widths: [4, 5, 3], generator: &rng)
        var small = try Batcher(dataset: data, batchSize: 8)
        small.fill(&batch)
        #expect(throws: TrainingError.modelChanged) { try step(&other, &optimizer, on: batch) }
        var wrongOptimizer = try Self.adam(other)
        #expect(throws: TrainingError.self) { try step(&model, &wrongOptimizer, on: batch) }
    }

    @Test func dataThatDoesNotFitTheModelIsAnError() throws {
        var rng = SeededGenerator(seed: 1)
        let model = try MLP<Float>(widths: [4, 8, 3], generator: &rng)
        let fiveClasses = try Dataset(
            features: [Float](repeating: 0, count: 20), targets: [0, 1, 2, 3, 4], featureCount: 4, task: .classification(classes: 5))
        // Five classes on three outputs would read logits past the end of each row.
        #expect(throws: TrainingError.outputMismatch(data: 5, task: .classification(classes: 5), model: 3)) {
            try TrainingStep(for: model, data: fiveClasses, batchSize: 4)
        }
        let narrow = try Dataset(features: [1, 2], targets: [0, 1], featureCount: 1, task: .classification(classes: 3))
        #expect(throws: TrainingError.featureMismatch(data: 1, model: 4)) { try TrainingStep(for: model, data: narrow, batchSize: 4) }
        #expect(throws: TrainingError.batchSize(0)) { try TrainingStep(for: model, data: try clusters(count: 6, seed: 1), batchSize: 0) }
    }
}
