import GoldilocksTraining
import GoldilocksCore
import GoldilocksData
import GoldilocksFinder
import GoldilocksNetworks
import GoldilocksOptimizers

/// The learning-rate range test on a real network: trains mini-batches at the growing learning
/// rates of a `RangeTest`, then puts the weights and the optimizer state back as they were.
///
/// Each step fills a batch (seeded `Batcher`, starting a new epoch when it runs out) and takes the
/// trainer's own `TrainingStep` at the sweep's learning rate, so the curve is in the data's units
/// (a standardised regression target's losses are scaled back, as in training). With
/// `accumulationSteps = k` a step averages the gradients (and losses) of `k` batches before its
/// one update, torch-lr-finder's `accumulation_steps`:
/// ```
/// g = (1/k) Σᵢ ∇L(batchᵢ),   loss = (1/k) Σᵢ L(batchᵢ)
/// ```
/// With `measuresValidationLoss` the recorded loss is the mean loss on the whole validation set
/// after the update (torch-lr-finder's `val_loader`, Leslie Smith's recipe) instead of the batch's.
///
/// **Parameter groups.** The sweep drives the first group; every other group keeps its configured
/// ratio to the first, so group `g` sweeps `start·rₘ … end·rₘ` with `rₘ = lr₍g₎ / lr₍0₎`
/// (discriminative learning rates stay discriminative).
///
/// **Restoring.** Model and optimizer are values: the test trains on them in place and assigns the
/// snapshot back in a `defer`, so they come back bit for bit after a completed test, an early stop,
/// a NaN, or a thrown error. Nothing touches the disk.
///
/// **Repeats.** Repeat `r` starts from the snapshot and draws its batches from the stream
/// `SeededGenerator(seed: seed, purpose: .rangeTestBatches(repeat: r))`;
/// the suggestions come from the per-step median curve (`RepeatedRangeTestResult`), and the same
/// seed gives the same result.
public struct LearningRateFinder: Sendable {
    /// The sweep, smoothing, divergence rule and suggestion rules.
    public var test: RangeTest
    /// Rows per mini-batch.
    public var batchSize: Int
    /// Batches whose gradients are averaged before each optimizer step (1: none).
    public var accumulationSteps: Int
    /// Record the validation loss after each step instead of the training batch's loss.
    public var measuresValidationLoss: Bool
    /// How many times to run the test (each with other batches); the answer comes from the median.
    public var repeats: Int
    /// The run's seed; repeat `r` draws its batch order from its `.rangeTestBatches(repeat: r)` stream.
    public var seed: UInt64
    /// The matrix-product backend the steps use (BLAS where present by default).
    public var backend: MatrixBackend = .preferred

    /// A finder; the defaults are fastai's `lr_find` (1e-7 to 10, 100 steps, one run).
    public init(
        test: RangeTest? = nil, batchSize: Int = 32, accumulationSteps: Int = 1, measuresValidationLoss: Bool = false,
        repeats: Int = 1, seed: UInt64 = 0
    ) throws(FinderError) {
        guard batchSize >= 1 else { throw .batchSizeTooSmall(batchSize) }
        guard accumulationSteps >= 1 else {
            throw .accumulationTooSmall(accumulationSteps)
        }
        guard repeats >= 1 else { throw .tooFewRepeats(repeats) }
        if let test {
            self.test = test
        } else {
            do throws(RangeTestError) {
                self.test = try RangeTest()
            } catch {
                throw .rangeTest(error)
            }
        }
        self.batchSize = batchSize
        self.accumulationSteps = accumulationSteps
        self.measuresValidationLoss = measuresValidationLoss
        self.repeats = repeats
        self.seed = seed
    }

    /// Runs the test on a prepared run's initial network and optimizer (the setup is not changed).
    public func run(on setup: TrainingSetup) throws(FinderError) -> RepeatedRangeTestResult {
        var model = setup.model
        var optimizer = setup.optimizer
        return try run(model: &model, optimizer: &optimizer, train: setup.data.train, validation: setup.data.validation)
    }

    /// Runs the test on `model` and `optimizer`, which come back exactly as they went in. The loss
    /// comes from the data's task, as in training.
    public func run(
        model: inout MLP<Float>, optimizer: inout any Optimizer<Float>, train: Dataset, validation: Dataset?
    ) throws(FinderError) -> RepeatedRangeTestResult {
        guard train.featureCount == model.inputCount else {
            throw .featureMismatch(features: train.featureCount, inputs: model.inputCount)
        }
        if measuresValidationLoss && (validation?.count ?? 0) == 0 {
            throw .noValidationData
        }
        let trainingStep: TrainingStep
        do throws(TrainingError) {
            trainingStep = try TrainingStep(for: model, data: train, batchSize: batchSize, backend: backend)
        } catch {
            throw .training(error)
        }
        let snapshot = (model: model, optimizer: optimizer)
        defer { (model, optimizer) = snapshot }
        // One batch per accumulated gradient, refilled in place at every step.
        var batches = [Batch](repeating: Batch(), count: accumulationSteps)
        let baseRates = snapshot.optimizer.learningRates
        let ratios = baseRates.map { baseRates[0] > 0 ? $0 / baseRates[0] : 1 }
        var rates = baseRates
        var results: [RangeTestResult] = []
        for repeatIndex in 0..<repeats {
            (model, optimizer) = snapshot
            var batcher: Batcher
            do throws(DataError) {
                batcher = try Batcher(
                    dataset: train, batchSize: batchSize,
                    seed: SeededGenerator.derivedSeed(seed, purpose: .rangeTestBatches(repeat: repeatIndex)))
            } catch {
                throw .data(error)
            }
            let result = try test.run { (lr) throws(FinderError) -> Double in
                for g in rates.indices { rates[g] = lr * ratios[g] }
                optimizer.learningRates = rates
                for k in batches.indices { batcher.fill(&batches[k]) }
                do throws(TrainingError) {
                    let loss = try trainingStep(&model, &optimizer, accumulating: batches)
                    if measuresValidationLoss, let validation {
                        return try trainingStep.evaluate(model, on: validation).loss
                    }
                    return loss
                } catch {
                    throw .training(error)
                }
            }
            results.append(result)
        }
        do throws(RangeTestError) {
            return try RepeatedRangeTestResult(repeats: results, test: test)
        } catch {
            throw .rangeTest(error)
        }
    }
}
