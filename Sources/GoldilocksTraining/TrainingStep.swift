import GoldilocksCore
import GoldilocksData
import GoldilocksNetworks
import GoldilocksOptimizers

/// One optimizer update of an `MLP` on mini-batches: the one training step that the trainer, the
/// range test, `--lr auto`'s rehearsals and the benchmark all take.
///
/// ```
/// L = loss(task)(model(batch.features), batch.targets)      mean over the batch
/// optimizer.step(&model.parameters, ∇L)
/// reported loss = lossScale · L
/// ```
/// The loss comes from the data's task (cross-entropy on logits for classification, mean squared
/// error for regression, PyTorch's `CrossEntropyLoss` and `MSELoss`), and `lossScale` from the
/// data (`Dataset.lossScale`: the variance a standardised regression target was divided by), so
/// every caller reports losses in the data's own units. With several batches (gradient
/// accumulation, torch-lr-finder's `accumulation_steps`) the gradients and losses of the `k`
/// batches are averaged before the one update:
/// ```
/// g = (1/k) Σᵢ ∇L(batchᵢ),   loss = lossScale · (1/k) Σᵢ L(batchᵢ)
/// ```
/// The step owns the network's scratch memory, sized once for the data's batches, so a step
/// allocates nothing. Copies of a step share that memory: use one step per task.
public struct TrainingStep: Sendable {
    /// The task the data sets the step is used with must have.
    public let task: Task
    /// The loss the task calls for.
    public let loss: Loss
    /// What the loss on the data's targets is multiplied by to read in the data's own units.
    public let lossScale: Double
    /// The matrix-product backend (BLAS where present by default).
    public var backend: MatrixBackend
    /// The most rows a batch may have.
    public var capacity: Int { workspace.capacity }
    private let workspace: Workspace<Float>
    private let scratch: Scratch

    /// A step for `model` on batches of at most `batchSize` rows of `data` (or data sets of the
    /// same shape, task and scale, such as its validation set). Throws when the data is empty or
    /// does not fit the model.
    public init(for model: MLP<Float>, data: Dataset, batchSize: Int, backend: MatrixBackend = .preferred) throws(TrainingError) {
        guard batchSize >= 1 else { throw .batchSize(batchSize) }
        guard data.count >= 1 else { throw .emptyData }
        guard data.featureCount == model.inputCount else {
            throw .featureMismatch(data: data.featureCount, model: model.inputCount)
        }
        guard data.outputCount == model.outputCount else {
            throw .outputMismatch(data: data.outputCount, task: data.task, model: model.outputCount)
        }
        task = data.task
        loss = Self.loss(for: data.task)
        lossScale = data.lossScale
        self.backend = backend
        do {
            workspace = try Workspace(for: model, capacity: min(batchSize, data.count))
        } catch {
            throw .network(error)
        }
        scratch = Scratch()
    }

    /// The loss a task trains with: cross-entropy on logits for classification, mean squared error
    /// for regression (PyTorch's defaults, mean reduction).
    public static func loss(for task: Task) -> Loss {
        task == .regression ? .meanSquaredError : .softmaxCrossEntropy
    }

    /// One update of `model` by `optimizer` on `batch`; returns the batch's mean loss (in the
    /// data's units) before the update. Allocates nothing.
    public func callAsFunction(
        _ model: inout MLP<Float>, _ optimizer: inout some Optimizer<Float>, on batch: Batch
    ) throws(TrainingError) -> Double {
        scratch.accumulated = false
        let value = try lossAndGradient(model, on: batch)
        do {
            try optimizer.step(parameters: &model.parameters, gradients: workspace.gradient)
        } catch {
            throw .optimizer(error)
        }
        return lossScale * value
    }

    /// One update of `model` by `optimizer` from the gradients of `batches`, averaged (gradient
    /// accumulation); returns their mean loss (in the data's units) before the update.
    public func callAsFunction(
        _ model: inout MLP<Float>, _ optimizer: inout some Optimizer<Float>, accumulating batches: [Batch]
    ) throws(TrainingError) -> Double {
        guard batches.count > 1 else {
            guard let batch = batches.first else { throw .emptyBatch }
            return try self(&model, &optimizer, on: batch)
        }
        if scratch.gradientSum.count != model.parameterCount {
            scratch.gradientSum = [Float](repeating: 0, count: model.parameterCount)
        }
        var total = 0.0
        for (k, batch) in batches.enumerated() {
            total += try lossAndGradient(model, on: batch)
            scratch.add(workspace.gradient, first: k == 0)
        }
        scratch.scale(by: 1 / Float(batches.count))
        scratch.accumulated = true
        do {
            try optimizer.step(parameters: &model.parameters, gradients: scratch.gradientSum)
        } catch {
            throw .optimizer(error)
        }
        return lossScale * (total / Double(batches.count))
    }

    /// The Euclidean norm of the gradient the last step updated with, accumulated in Double.
    public func gradientNorm() -> Double {
        let gradient = scratch.accumulated ? scratch.gradientSum : workspace.gradient
        var sum = 0.0
        for value in gradient { sum += Double(value) * Double(value) }
        return sum.squareRoot()
    }

    /// The mean loss (in the data's units) and, for classification, the accuracy of `model` on the
    /// whole of `data`, in chunks of the step's capacity with no copying.
    public func evaluate(_ model: MLP<Float>, on data: Dataset) throws(TrainingError) -> (loss: Double, accuracy: Double?) {
        guard data.count >= 1 else { throw .emptyData }
        guard data.task == task else { throw .taskMismatch(expected: task, found: data.task) }
        guard data.featureCount == model.inputCount else {
            throw .featureMismatch(data: data.featureCount, model: model.inputCount)
        }
        guard workspace.matches(model) else { throw .modelChanged }
        var total = 0.0, correct = 0
        data.features.withUnsafeBufferPointer { features in
            data.targets.withUnsafeBufferPointer { targets in
                for start in stride(from: 0, to: data.count, by: workspace.capacity) {
                    let rows = min(workspace.capacity, data.count - start)
                    let chunkLoss = model.loss(
                        input: features.baseAddress! + start * data.featureCount, targets: targets.baseAddress! + start,
                        rows: rows, loss: loss, workspace: workspace, backend: backend)
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
        return (data.lossScale * total / Double(data.count), accuracy)
    }

    /// Throws unless `batch` fits the workspace and `model` still has the shape the step was made for.
    /// The batch's mean loss (unscaled), with its gradient left in the workspace.
    private func lossAndGradient(_ model: MLP<Float>, on batch: Batch) throws(TrainingError) -> Double {
        try check(batch, model)
        return batch.featureStorage.withUnsafeBufferPointer { features in
            batch.targetStorage.withUnsafeBufferPointer { targets in
                model.lossAndGradient(
                    input: features.baseAddress!, targets: targets.baseAddress!, rows: batch.rowCount, loss: loss,
                    workspace: workspace, backend: backend)
            }
        }
    }

    private func check(_ batch: Batch, _ model: MLP<Float>) throws(TrainingError) {
        guard batch.rowCount >= 1 else { throw .emptyBatch }
        guard batch.rowCount <= workspace.capacity else { throw .batchTooLarge(rows: batch.rowCount, capacity: workspace.capacity) }
        guard batch.task == task else { throw .taskMismatch(expected: task, found: batch.task) }
        guard batch.featureCount == model.inputCount else {
            throw .featureMismatch(data: batch.featureCount, model: model.inputCount)
        }
        guard workspace.matches(model) else { throw .modelChanged }
    }
}

/// The step's gradient sum for accumulation, kept in a class so the step (a value) can reuse it.
private final class Scratch: @unchecked Sendable {  // used by one task at a time, as the workspace
    var gradientSum: [Float] = []
    /// Whether the last step updated with `gradientSum` rather than the workspace's gradient.
    var accumulated = false

    /// `sum ← g` on the first batch of an accumulation, `sum ← sum + g` after.
    func add(_ gradient: [Float], first: Bool) {
        gradientSum.withUnsafeMutableBufferPointer { sum in
            gradient.withUnsafeBufferPointer { g in
                if first {
                    for i in sum.indices { sum[i] = g[i] }
                } else {
                    for i in sum.indices { sum[i] += g[i] }
                }
            }
        }
    }

    func scale(by factor: Float) {
        gradientSum.withUnsafeMutableBufferPointer { sum in
            for i in sum.indices { sum[i] *= factor }
        }
    }
}
