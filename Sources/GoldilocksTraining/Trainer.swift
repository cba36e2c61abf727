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
/// The loop allocates nothing per step: the batch buffers and the network's workspace are sized
/// once. Callbacks see every step and epoch and may stop the run or ask for the last good
/// weights back with a smaller learning rate (the guard). A class because a run has identity
/// and changing state; `model` and `optimizer` are values, so snapshots are plain copies.
public final class Trainer {
    public private(set) var model: MLP<Float>
    public private(set) var optimizer: any Optimizer<Float>
    public let schedule: (any LearningRateSchedule)?
    public let scheduleUnit: ScheduleUnit
    public let loss: Loss
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

    /// What the loss is multiplied by where it is reported (records, summary, callbacks): the
    /// target's variance when the target was standardised, so losses read in the data's units.
    public var lossScale: Double = 1
    /// The first group's scheduled rate at the last step (before rescues and plateau cuts).
    private var lastScheduled: Double = 0

    public init(
        model: MLP<Float>, optimizer: any Optimizer<Float>, loss: Loss,
        schedule: (any LearningRateSchedule)? = nil, scheduleUnit: ScheduleUnit = .step, plateau: ReduceOnPlateau? = nil
    ) {
        self.plateau = plateau
        self.model = model
        self.optimizer = optimizer
        self.loss = loss
        self.schedule = schedule
        self.scheduleUnit = scheduleUnit
        baseRates = optimizer.learningRates
        rates = baseRates
        lastScheduled = baseRates[0]
        momenta = optimizer.momenta
    }

    /// Trains for `epochs` epochs of shuffled mini-batches of `batchSize` (the last batch of an
    /// epoch may be smaller, as PyTorch's `DataLoader`), validating after each epoch.
    public func fit(
        _ train: Dataset, validation: Dataset? = nil, epochs: Int, batchSize: Int,
        generator: inout SeededGenerator, callbacks: [any TrainingCallback] = []
    ) -> TrainingSummary {
        precondition(epochs >= 0 && batchSize > 0 && train.count > 0, "fit needs data, epochs ≥ 0 and a positive batch size")
        precondition(train.featureCount == model.inputCount, "the data's features do not match the model's inputs")
        let clock = ContinuousClock()
        let started = clock.now
        let stepsPerEpoch = TrainingSetup.stepsPerEpoch(rows: train.count, batchSize: batchSize)
        // Batch buffers and the network's workspace are allocated here, once for the whole run.
        let capacity = min(batchSize, train.count)
        let batchFeatures = UnsafeMutableBufferPointer<Float>.allocate(capacity: capacity * train.featureCount)
        let batchTargets = UnsafeMutableBufferPointer<Float>.allocate(capacity: capacity)
        defer {
            batchFeatures.deallocate()
            batchTargets.deallocate()
        }
        guard var batcher = try? Batcher(dataset: train, batchSize: batchSize, seed: generator.next()) else {
            preconditionFailure("a non-empty data set and a positive batch size were checked above")
        }
        let workspace = Workspace(for: model, capacity: capacity)
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
            if epoch > 0 { batcher.nextEpoch() }
            var lossSum = 0.0, rowsSeen = 0
            for k in 0..<batcher.batchCount {
                let rows = batcher.fill(batch: k, features: batchFeatures, targets: batchTargets)
                let momentum = applySchedule(step: scheduleUnit == .step ? step : epoch)
                let batchLoss = lossScale * model.lossAndGradient(
                    input: batchFeatures.baseAddress!, targets: batchTargets.baseAddress!, rows: rows, loss: loss,
                    workspace: workspace, backend: backend)
                let gradient = workspace.gradientBuffer
                let norm = wantsNorm ? l2Norm(gradient) : nil
                model.parameters.withUnsafeMutableBufferPointer { parameters in
                    optimizer.step(parameters: parameters, gradients: gradient)
                }
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
            let evaluation = validation.map { evaluate(model, on: $0, workspace: workspace) }
                .map { (loss: lossScale * $0.loss, accuracy: $0.accuracy) }
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

/// The mean loss (and accuracy for classification) of `model` on a whole data set, computed in
/// chunks of the workspace's capacity with no copying: the rows are already contiguous.
public func evaluate(
    _ model: MLP<Float>, on data: Dataset, workspace: Workspace<Float>
) -> (loss: Double, accuracy: Double?) {
    let lossFunction: Loss = data.task == .regression ? .meanSquaredError : .softmaxCrossEntropy
    var total = 0.0, correct = 0
    data.features.withUnsafeBufferPointer { features in
        data.targets.withUnsafeBufferPointer { targets in
            for start in stride(from: 0, to: data.count, by: workspace.capacity) {
                let rows = min(workspace.capacity, data.count - start)
                let chunkLoss = model.loss(
                    input: features.baseAddress! + start * data.featureCount, targets: targets.baseAddress! + start,
                    rows: rows, loss: lossFunction, workspace: workspace)
                total += chunkLoss * Double(rows)
                guard case .classification = data.task else { continue }
                let outputs = workspace.outputs, width = model.outputCount
                for r in 0..<rows {
                    var best = 0
                    for j in 1..<width where outputs[r * width + j] > outputs[r * width + best] { best = j }
                    if best == Int(targets[start + r]) { correct += 1 }
                }
            }
        }
    }
    let accuracy: Double? = data.task == .regression ? nil : Double(correct) / Double(data.count)
    return (total / Double(data.count), accuracy)
}

/// The Euclidean norm of a gradient, accumulated in Double.
func l2Norm(_ values: UnsafeBufferPointer<Float>) -> Double {
    var sum: Double = 0
    for v in values { sum += Double(v) * Double(v) }
    return sum.squareRoot()
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}
