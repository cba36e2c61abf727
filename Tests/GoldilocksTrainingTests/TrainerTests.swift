import Foundation
import GoldilocksCore
import GoldilocksData
import GoldilocksNetworks
import GoldilocksOptimizers
import GoldilocksSchedules
import GoldilocksSpec
@testable import GoldilocksTraining
import Testing
import TrainingTestSupport

/// Plain SGD for these tests only, so the trainer is tested apart from the optimizer library.
struct PlainSGD: Optimizer {
    var learningRates: [Double]
    var momenta: [Double?] = [nil]
    mutating func step(parameters: inout [Float], gradients: [Float]) throws(OptimizerError) {
        let lr = Float(learningRates[0])
        for i in parameters.indices { parameters[i] -= lr * gradients[i] }
    }
}

/// Asks for a restore at one chosen step, and counts the events it saw.
final class RestoreOnce: TrainingCallback {
    let at: Int
    var restoredAt: [Int] = []
    var steps = 0
    init(at: Int) { self.at = at }
    func stepEnded(_ record: StepRecord) -> TrainingDecision {
        steps += 1
        return record.step == at ? .restore(learningRateFactor: 0.1, reason: "test") : .continue
    }
    func restored(atStep step: Int, learningRateFactor: Double, reason: String) { restoredAt.append(step) }
}

@Test func trainingSeparatesClustersAndIsReproducible() throws {
    func run() throws -> (TrainingSummary, [Float]) {
        var rng = SeededGenerator(seed: 1)
        let model = try MLP<Float>(widths: [4, 16, 3], generator: &rng)
        let trainer = Trainer(model: model, optimizer: PlainSGD(learningRates: [0.1]))
        let summary = try trainer.fit(try clusters(count: 300, seed: 2), validation: try clusters(count: 150, seed: 3), epochs: 10, batchSize: 16, generator: &rng)
        return (summary, trainer.model.parameters)
    }
    let (summary, parameters) = try run()
    #expect(summary.validationAccuracy! > 0.95)
    #expect(summary.steps == 10 * 19)  // 300 rows in batches of 16: 18 full and one of 12
    #expect(summary.trainLoss < 0.2)
    #expect(try run().1 == parameters)
}

@Test func aRestoreRollsBackToTheLastGoodEpochAndLowersTheLearningRate() throws {
    var rng = SeededGenerator(seed: 1)
    let model = try MLP<Float>(widths: [4, 8, 3], generator: &rng)
    let history = History()
    let restore = RestoreOnce(at: 25)
    let trainer = Trainer(model: model, optimizer: PlainSGD(learningRates: [0.1]))
    let summary = try trainer.fit(try clusters(count: 160, seed: 2), epochs: 3, batchSize: 16, generator: &rng, callbacks: [history, restore])
    #expect(summary.rescues == 1)
    #expect(restore.restoredAt == [25])
    // Step 25 (in epoch 2) goes back to epoch 1's weights; the steps after it use a tenth of the rate.
    #expect(history.steps.last!.learningRate == 0.1 * 0.1)
    #expect(history.steps.first!.learningRate == 0.1)
    #expect(history.epochs.count == 3)
}

@Test func aNonFiniteLossEndsTheRunWithAReason() throws {
    var rng = SeededGenerator(seed: 1)
    let model = try MLP<Float>(widths: [4, 8, 3], generator: &rng)
    let trainer = Trainer(model: model, optimizer: PlainSGD(learningRates: [1e30]))
    let summary = try trainer.fit(try clusters(count: 160, seed: 2), epochs: 5, batchSize: 16, generator: &rng)
    #expect(summary.stoppedEarly?.contains("non-finite") == true)
    #expect(summary.steps < 5 * 10)
}

@Test func eachStepRecordsTheLearningRateAndMomentumTheScheduleGaveIt() throws {
    var rng = SeededGenerator(seed: 1)
    let model = try MLP<Float>(widths: [4, 8, 3], generator: &rng)
    let schedule = try makeSchedule(try Spec(json: #"{"name":"OneCycleLR","max_lr":0.1,"total_steps":30}"#))
    let optimizer: any Optimizer<Float> = try makeOptimizer(
        try Spec(json: #"{"name":"SGD","lr":0.1,"momentum":0.9}"#), parameterCount: model.parameterCount)
    let history = History()
    let trainer = Trainer(model: model, optimizer: optimizer, schedule: schedule)
    _ = try trainer.fit(try clusters(count: 160, seed: 2), epochs: 3, batchSize: 16, generator: &rng, callbacks: [history])
    #expect(history.steps.count == 30)
    for record in history.steps {
        #expect(record.learningRate == schedule(record.step))
        #expect(record.momentum == schedule.momentum(at: record.step))
        #expect(record.momentum != nil)
    }
}

@Test func theSummaryReportsTheStepsAutoSpentOnlyWhenAutoChose() throws {
    var summary = TrainingSummary(
        learningRate: 0.01, epochs: 1, steps: 4, trainLoss: 0.5, validationLoss: nil, validationAccuracy: nil,
        seconds: 0.1, stoppedEarly: nil, rescues: 0)
    let plain = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
    #expect(!plain.contains("auto_steps"))
    summary.autoSteps = 340
    let auto = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
    #expect(auto.contains("\"auto_steps\":340"))
}

@Test func badArgumentsToFitThrowInsteadOfTrapping() throws {
    var rng = SeededGenerator(seed: 1)
    let model = try MLP<Float>(widths: [4, 8, 3], generator: &rng)
    let trainer = Trainer(model: model, optimizer: PlainSGD(learningRates: [0.1]))
    let data = try clusters(count: 30, seed: 2)
    #expect(throws: TrainingError.epochs(-1)) { try trainer.fit(data, epochs: -1, batchSize: 8, generator: &rng) }
    #expect(throws: TrainingError.batchSize(0)) { try trainer.fit(data, epochs: 1, batchSize: 0, generator: &rng) }
    let empty = try Dataset(features: [], targets: [], featureCount: 4, task: .classification(classes: 3))
    #expect(throws: TrainingError.emptyData) { try trainer.fit(empty, epochs: 1, batchSize: 8, generator: &rng) }
    let wide = try Dataset(features: [Float](repeating: 0, count: 10), targets: [0, 1], featureCount: 5, task: .classification(classes: 3))
    #expect(throws: TrainingError.featureMismatch(data: 5, model: 4)) { try trainer.fit(wide, epochs: 1, batchSize: 8, generator: &rng) }
    let regression = try Dataset(features: [Float](repeating: 0, count: 8), targets: [0.5, 2], featureCount: 4, task: .regression)
    #expect(throws: TrainingError.taskMismatch(expected: .classification(classes: 3), found: .regression)) {
        try trainer.fit(data, validation: regression, epochs: 1, batchSize: 8, generator: &rng)
    }
    #expect(trainer.model == model)  // nothing trained
}
