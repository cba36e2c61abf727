import GoldilocksCore
import GoldilocksData
import GoldilocksNetworks
import GoldilocksOptimizers
import GoldilocksSchedules

/// Whether a schedule advances once per optimizer step or once per epoch.
public enum ScheduleUnit: String, Sendable, Codable, CaseIterable {
    case step, epoch
}

/// Trains an `MLP` on a data set with mini-batches, an optimizer and an optional schedule.
///
/// Every step is a `TrainingStep` (which chooses the loss from the data's task and reports it in
/// the data's units) on a `Batch` refilled in place, so the loop allocates nothing per step.
/// Callbacks see every step and epoch and may stop the run or ask for the last good weights back
/// with a smaller learning rate (the guard). A class because a run has identity
/// and changing state; `model` and `optimizer` are values, so snapshots are plain copies.
public final class Trainer {
    public private(set) var model: MLP<Float>
    public private(set) var optimizer: any Optimizer<Float>
    public let schedule: (any LearningRateSchedule)?
    public let scheduleUnit: ScheduleUnit
    /// PyTorch's `ReduceLROnPlateau`, fed the validation loss (or the training loss without
    /// validation) after each epoch.
    public private(set) var plateau: ReduceOnPlateau?
    /// The matrix-product backend (BLAS by default where present).
    public var backend: MatrixBackend = .preferred

    /// Each group's learning rate as configured, and the multiplier that rescues and plateau
    /// cuts have applied on top of the schedule.
    private let baseRates: [Double]
    private var rescueFactor = 1.0
    private var plateauFactor = 1.0
    /// The rates and momenta last given to the optimizer, kept here and assigned whole so a
    /// step neither reads nor builds arrays (no allocation).
    private var rates: [Double]
    private var momenta: [Double?]

    /// The first group's scheduled rate at the last step (before rescues and plateau cuts).
    private var lastScheduled: Double = 0

    public init(
        model: MLP<Float>, optimizer: any Optimizer<Float>,
        schedule: (any LearningRateSchedule)? = nil, scheduleUnit: ScheduleUnit = .step, plateau: ReduceOnPlateau? = nil
    ) {
        self.plateau = plateau
        self.model = model
        self.optimizer = optimizer
        self.schedule = schedule
        self.scheduleUnit = scheduleUnit
        baseRates = optimizer.learningRates
        rates = baseRates
        lastScheduled = baseRates[0]
        momenta = optimizer.momenta
    }

    /// Trains for `epochs` epochs of shuffled mini-batches of `batchSize` (the last batch of an
    /// epoch may be smaller, as PyTorch's `DataLoader`), validating after each epoch. Throws when
    /// the data is empty, does not fit the model, or the validation set is of another shape or
    /// task, or when `epochs` or `batchSize` is out of range.
    public func fit(
        _ train: Dataset, validation: Dataset? = nil, epochs: Int, batchSize: Int,
        generator: inout SeededGenerator, callbacks: [any TrainingCallback] = []
    ) throws(TrainingError) -> TrainingSummary {
        guard epochs >= 0 else { throw .epochs(epochs) }
        // The step and the batch are made here, once for the whole run.
        let trainingStep = try TrainingStep(for: model, data: train, batchSize: batchSize, backend: backend)
        if let validation {
            guard validation.count >= 1 else { throw .emptyData }
            guard validation.task == train.task else { throw .taskMismatch(expected: train.task, found: validation.task) }
            guard validation.featureCount == train.featureCount else {
                throw .featureMismatch(data: validation.featureCount, model: model.inputCount)
            }
        }
        let clock = ContinuousClock()
        let started = clock.now
        let stepsPerEpoch = TrainingSetup.stepsPerEpoch(rows: train.count, batchSize: batchSize)
        var batcher: Batcher
        do {
            batcher = try Batcher(dataset: train, batchSize: batchSize, seed: generator.next())
        } catch {
            throw .emptyData  // the step checked the batch size; only an empty data set is left
        }
        var batch = Batch()
        let wantsNorm = callbacks.contains { $0.wantsGradientNorm }
        var checkpoint = (model: model, optimizer: optimizer)
        var step = 0, rescues = 0
        var bestLoss = Double.infinity
        var stoppedEarly: String?
        var lastEpoch: EpochRecord?
        for callback in callbacks { callback.runStarted(totalSteps: epochs * stepsPerEpoch, epochs: epochs) }

        /// Goes back to the last good weights and optimizer state with a smaller learning rate.
        func restore(factor: Double, reason: String, atStep step: Int) {
            (model, optimizer) = checkpoint
            optimizer.learningRates = rates  // the checkpoint's rates are stale
            rescueFactor *= factor
            rescues += 1
            for callback in callbacks { callback.restored(atStep: step, learningRateFactor: factor, reason: reason) }
        }

        training: for epoch in 0..<epochs {
            var lossSum = 0.0, rowsSeen = 0
            for _ in 0..<batcher.batchCount {
                batcher.fill(&batch)
                let rows = batch.rowCount
                let momentum = applySchedule(step: scheduleUnit == .step ? step : epoch)
                let batchLoss = try trainingStep(&model, &optimizer, on: batch)
                let norm = wantsNorm ? trainingStep.gradientNorm() : nil
                let record = StepRecord(
                    step: step, epoch: epoch, loss: batchLoss, learningRate: rates[0],
                    momentum: momentum, gradientNorm: norm)
                step += 1
                if step == 1 { bestLoss = batchLoss }
                lossSum += batchLoss * Double(rows)
                rowsSeen += rows
                switch decide(callbacks, lossIsFinite: batchLoss.isFinite, step: record.step, { $0.stepEnded(record) }) {
                case .continue: break
                case .stop(let reason):
                    stoppedEarly = reason
                    break training
                case .restore(let factor, let reason):
                    // The epoch goes on with its next batches, from the restored weights; its mean
                    // loss counts only those.
                    restore(factor: factor, reason: reason, atStep: record.step)
                    (lossSum, rowsSeen) = (0, 0)
                }
            }
            let evaluation = try validation.map { (data) throws(TrainingError) in try trainingStep.evaluate(model, on: data) }
            let record = EpochRecord(
                epoch: epoch, step: step - 1, trainLoss: lossSum / Double(max(rowsSeen, 1)),
                validationLoss: evaluation?.loss, validationAccuracy: evaluation?.accuracy,
                learningRate: rates[0])
            lastEpoch = record
            // A checkpoint must be good, not merely finite: an epoch whose mean loss is far above
            // the best seen (the first batch's loss included) has diverged, even without NaN.
            if record.trainLoss.isFinite && record.trainLoss <= 2 * bestLoss { checkpoint = (model, optimizer) }
            bestLoss = min(bestLoss, record.trainLoss)
            if plateau != nil {
                plateauFactor = plateau!.step(metric: record.validationLoss ?? record.trainLoss) / baseRates[0]
            }
            switch decide(callbacks, lossIsFinite: true, step: step, { $0.epochEnded(record) }) {
            case .continue: break
            case .stop(let reason):
                stoppedEarly = reason
                break training
            case .restore(let factor, let reason):
                restore(factor: factor, reason: reason, atStep: step)
            }
        }
        var summary = TrainingSummary(
            learningRate: baseRates[0], epochs: (lastEpoch?.epoch ?? -1) + 1, steps: step,
            trainLoss: lastEpoch?.trainLoss ?? .nan, validationLoss: lastEpoch?.validationLoss,
            validationAccuracy: lastEpoch?.validationAccuracy, seconds: seconds(clock.now - started),
            stoppedEarly: stoppedEarly, rescues: rescues)
        // The rate the next step would take: a rescue on the last step has lowered it already.
        summary.finalLearningRate = lastScheduled * rescueFactor * plateauFactor
        for callback in callbacks { callback.runEnded(summary) }
        return summary
    }

    /// Sets each group's learning rate (and cycled momentum) for the coming step, returning the
    /// momentum when the schedule cycles it. Groups keep their ratio to the first group, so
    /// per-layer rates follow the schedule together.
    private func applySchedule(step: Int) -> Double? {
        let scheduled = schedule.map { $0(step) } ?? baseRates[0]
        lastScheduled = scheduled
        var changed = false
        for g in baseRates.indices {
            let rate = scheduled * (baseRates[g] / baseRates[0]) * rescueFactor * plateauFactor
            if rates[g] != rate {
                rates[g] = rate
                changed = true
            }
        }
        if changed { optimizer.learningRates = rates }
        let momentum = schedule?.momentum(at: step)
        if let momentum, momenta[0] != momentum {
            for g in momenta.indices { momenta[g] = momentum }
            optimizer.momenta = momenta
        }
        return momentum
    }

    /// Tells every callback (each must see every event) and returns the first decision that is
    /// not `.continue`; a non-finite loss that nobody rescued ends the run.
    private func decide(
        _ callbacks: [any TrainingCallback], lossIsFinite: Bool, step: Int,
        _ notify: (any TrainingCallback) -> TrainingDecision
    ) -> TrainingDecision {
        var decision = TrainingDecision.continue
        for callback in callbacks {
            let answer = notify(callback)
            if decision == .continue { decision = answer }
        }
        if decision == .continue && !lossIsFinite {
            return .stop(reason: "the loss became non-finite at step \(step)")
        }
        return decision
    }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}
