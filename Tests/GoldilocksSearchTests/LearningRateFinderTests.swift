import GoldilocksCore
import GoldilocksData
import GoldilocksFinder
import GoldilocksNetworks
import GoldilocksOptimizers
import GoldilocksSpec
import TestSupport
import Testing
import TrainingTestSupport

@testable import GoldilocksSearch
import GoldilocksTraining

/// Records the learning rates it was asked to step with (a class so the copies the finder makes
/// and restores all write to one log).
final class RateLog: @unchecked Sendable {
    var rates: [[Double]] = []
}

/// An optimizer that takes plain SGD steps and logs every group's learning rate at each step.
struct LoggingSGD: Optimizer {
    var learningRates: [Double]
    var momenta: [Double?]
    let log: RateLog
    init(learningRates: [Double], log: RateLog) {
        self.learningRates = learningRates
        self.momenta = learningRates.map { _ in nil }
        self.log = log
    }
    mutating func step(parameters: inout [Float], gradients: [Float]) throws(OptimizerError) {
        log.rates.append(learningRates)
        let lr = Float(learningRates[0])
        for i in parameters.indices { parameters[i] -= lr * gradients[i] }
    }
}

@Suite("LearningRateFinder on real networks")
struct LearningRateFinderTests {
    static func model(seed: UInt64 = 3) throws -> MLP<Float> { try smallModel(seed: seed) }

    static func adam(_ model: MLP<Float>) throws -> any Optimizer<Float> { try defaultAdam(model) }

    static func finder(
        start: Double = 1e-5, end: Double = 10, iterations: Int = 60, factor: Double? = 4, repeats: Int = 1,
        accumulation: Int = 1, validation: Bool = false, seed: UInt64 = 0
    ) throws -> LearningRateFinder {
        let test = try RangeTest(
            sweep: LearningRateSweep(start: start, end: end, iterations: iterations), divergenceFactor: factor)
        return try LearningRateFinder(
            test: test, batchSize: 16, accumulationSteps: accumulation, measuresValidationLoss: validation,
            repeats: repeats, seed: seed)
    }

    @Test func weightsAndAdamStateComeBackExactlyAfterATestThatDiverged() throws {
        var model = try Self.model()
        var optimizer = try Self.adam(model)
        // Train a few steps first, so the restored Adam state is not just zeros.
        let data = try clusters(count: 96, seed: 1)
        let trainer = Trainer(model: model, optimizer: optimizer)
        var generator = SeededGenerator(seed: 2)
        _ = try trainer.fit(data, epochs: 1, batchSize: 16, generator: &generator)
        (model, optimizer) = (trainer.model, trainer.optimizer)
        let before = (model: model, adam: try #require(optimizer as? Adam<Float>))

        let result = try Self.finder(start: 1e-4, end: 1e4, iterations: 80).run(
            model: &model, optimizer: &optimizer, train: data, validation: nil)

        #expect(result.repeats[0].stoppedEarly)
        #expect(model == before.model)
        #expect(optimizer as? Adam<Float> == before.adam)
        #expect(optimizer.learningRates == before.adam.learningRates)
    }

    @Test func weightsComeBackExactlyAfterANonFiniteLoss() throws {
        var model = try Self.model()
        let log = RateLog()
        var optimizer: any Optimizer<Float> = LoggingSGD(learningRates: [0.01], log: log)
        let before = model
        // Plain SGD at up to 1e8 with no divergence rule: the loss overflows to Inf or NaN.
        let result = try Self.finder(start: 1e-2, end: 1e8, iterations: 60, factor: nil).run(
            model: &model, optimizer: &optimizer, train: try clusters(count: 96, seed: 1),
            validation: nil)

        guard case .nonFinite = result.repeats[0].stop else {
            Issue.record("expected a non-finite stop, got \(result.repeats[0].stop)")
            return
        }
        #expect(model == before)
        #expect(optimizer.learningRates == [0.01])
    }

    @Test func theSweepsLearningRatesAreTheOnesTheOptimizerUsedInEveryGroup() throws {
        var model = try Self.model()
        let log = RateLog()
        // Two groups at a 10:1 ratio: the second group follows the sweep at a tenth.
        var optimizer: any Optimizer<Float> = LoggingSGD(learningRates: [0.1, 0.01], log: log)
        let finder = try Self.finder(start: 1e-5, end: 1e-1, iterations: 30)
        let result = try finder.run(
            model: &model, optimizer: &optimizer, train: try clusters(count: 64, seed: 1),
            validation: nil)

        #expect(result.lrs == finder.test.sweep.lrs)
        #expect(log.rates.map { $0[0] } == result.lrs)
        expectClose(log.rates.map { $0[1] }, result.lrs.map { $0 / 10 }, rtol: 1e-12)
    }

    @Test func theSameSeedGivesTheSameRepeatsAndAnotherSeedOtherBatches() throws {
        let data = try clusters(count: 96, seed: 1)
        func run(seed: UInt64) throws -> RepeatedRangeTestResult {
            var model = try Self.model()
            var optimizer = try Self.adam(model)
            return try Self.finder(repeats: 3, seed: seed).run(
                model: &model, optimizer: &optimizer, train: data, validation: nil)
        }
        let first = try run(seed: 5)
        #expect(first.repeats.count == 3)
        #expect(try run(seed: 5) == first)
        #expect(try run(seed: 6).repeats[0].rawLosses != first.repeats[0].rawLosses)
        // The repeats differ from each other (other batches), and the median sits between them.
        #expect(first.repeats[0].rawLosses != first.repeats[1].rawLosses)
        #expect(first.median[0] >= first.minimum[0] && first.median[0] <= first.maximum[0])
    }

    @Test func averagingTwoIdenticalFullBatchesTracesTheSameCurveAsOne() throws {
        // With the whole data set as one batch every batch has the same gradient: accumulation
        // must average (a sum would double the step).
        let data = try clusters(count: 48, seed: 1)
        func run(accumulation: Int) throws -> [Double] {
            var model = try Self.model()
            var optimizer = try Self.adam(model)
            let test = try RangeTest(sweep: LearningRateSweep(start: 1e-4, end: 1e-1, iterations: 20))
            let finder = try LearningRateFinder(test: test, batchSize: 48, accumulationSteps: accumulation)
            return try finder.run(
                model: &model, optimizer: &optimizer, train: data, validation: nil
            ).repeats[0].rawLosses
        }
        expectClose(try run(accumulation: 2), try run(accumulation: 1), rtol: 1e-4)
    }

    @Test func validationLossModeRecordsTheLossOnTheWholeValidationSet() throws {
        let train = try clusters(count: 64, seed: 1), validation = try clusters(count: 30, seed: 9)
        var model = try Self.model()
        var optimizer: any Optimizer<Float> = LoggingSGD(learningRates: [0.01], log: RateLog())
        let result = try Self.finder(start: 1e-3, end: 1e-2, iterations: 10, validation: true).run(
            model: &model, optimizer: &optimizer, train: train, validation: validation)
        // Replay the first step by hand: one SGD step at 1e-3 on the first batch, then evaluate.
        var replay = try Self.model()
        var batcher = try Batcher(
            dataset: train, batchSize: 16, seed: SeededGenerator.derivedSeed(0, purpose: .rangeTestBatches(repeat: 0)))
        var batch = Batch()
        batcher.fill(&batch)
        let step = try TrainingStep(for: replay, data: train, batchSize: 16)
        var sgd: any Optimizer<Float> = LoggingSGD(learningRates: [1e-3], log: RateLog())
        _ = try step(&replay, &sgd, on: batch)
        #expect(result.repeats[0].rawLosses[0] == (try step.evaluate(replay, on: validation).loss))
    }

    @Test func validationLossModeWithoutValidationDataIsAnError() throws {
        var model = try Self.model()
        var optimizer = try Self.adam(model)
        #expect(throws: FinderError.self) {
            try Self.finder(validation: true).run(
                model: &model, optimizer: &optimizer, train: try clusters(count: 32, seed: 1),
                validation: nil)
        }
    }

    @Test func tooFewPointsAreReportedPerRuleNotACrash() throws {
        var model = try Self.model()
        var optimizer = try Self.adam(model)
        let result = try Self.finder(iterations: 12).run(
            model: &model, optimizer: &optimizer, train: try clusters(count: 32, seed: 1),
            validation: nil)
        // 12 steps leave 12 - 10 - 5 < 2 for steepest and 12 - 1 - 5 = 6 < 16 for slide.
        let failed = Set(result.failures.map(\.method))
        #expect(failed.contains(.steepest) && failed.contains(.slide))
        #expect(
            result.failures.allSatisfy {
                if case let .tooFewPoints(_, points, needed, steps, _) = $0 { points < needed && steps == 12 } else { false }
            })
        #expect(result.suggestion(.valley) != nil)
    }

    @Test func aStandardisedRegressionTargetsCurveReadsInTheTargetsUnitsAsTrainingDoes() throws {
        var configuration = RunConfiguration(data: try housePrices())
        configuration.hiddenLayers = [8]
        let setup = try TrainingSetup(configuration)
        let variance = try #require(setup.data.targetStandardizer).lossScale
        let finder = try LearningRateFinder(test: RangeTest(sweep: LearningRateSweep(start: 1e-6, end: 1e-4, iterations: 10)))
        let curve = try finder.run(on: setup).repeats[0].rawLosses
        // At rates too small to move the weights the loss is about the target's variance (~5e10 in
        // the prices' units), not about 1 as on the standardised targets the network trains on.
        #expect(curve.allSatisfy { $0 > 0.3 * variance && $0 < 3 * variance }, "\(curve) against \(variance)")
        let (_, history) = try setup.train()
        #expect(history.steps[0].loss > 0.3 * variance)
    }

    @Test func setupRunLeavesTheSetupUntouched() throws {
        var configuration = RunConfiguration(data: "iris")
        configuration.hiddenLayers = [8]
        let setup = try TrainingSetup(configuration)
        let before = setup.model
        let result = try LearningRateFinder(test: RangeTest(sweep: LearningRateSweep(iterations: 40))).run(on: setup)
        #expect(result.lrs.count > 10)
        #expect(setup.model == before)
    }

    @Test func badSettingsAreTypedErrors() throws {
        #expect(throws: FinderError.self) { try LearningRateFinder(batchSize: 0) }
        #expect(throws: FinderError.self) { try LearningRateFinder(accumulationSteps: 0) }
        #expect(throws: FinderError.self) { try LearningRateFinder(repeats: 0) }
    }
}
