/// A mini-batch that owns its storage: `Batcher.fill(_:)` refills it in place, so a training loop
/// makes one batch and reuses it for every step without allocating.
///
/// Its rows come from a `Dataset`, whose labels were checked when it was made, so a batch's
/// class indices are always valid for its `task`.
///
/// ```swift
/// var batcher = try Batcher(dataset: train, batchSize: 32, seed: 42)
/// var batch = Batch()
/// for _ in 0..<epochs * batcher.batchCount {
///     batcher.fill(&batch)  // the next batch; a new epoch starts when one is used up
///     let loss = try step(&model, &optimizer, on: batch)
/// }
/// ```
public struct Batch: Sendable {
    /// `capacity × featureCount` values; the first `rowCount` rows are the batch.
    package private(set) var featureStorage: [Float] = []
    /// `capacity` values; the first `rowCount` are the batch's targets.
    package private(set) var targetStorage: [Float] = []
    /// The rows the batch holds.
    public private(set) var rowCount = 0
    /// The values per row.
    public private(set) var featureCount = 0
    /// What the targets are: class indices (all below the class count) or real values.
    public private(set) var task: Task = .regression

    /// An empty batch; the first `fill` sizes its storage for the batcher's batch size.
    public init() {}

    /// The most rows the batch holds without growing its storage.
    public var capacity: Int { targetStorage.count }

    /// The batch's features, row after row.
    public var features: ArraySlice<Float> { featureStorage[..<(rowCount * featureCount)] }

    /// The batch's targets, one per row: the class index for classification, the value for regression.
    public var targets: ArraySlice<Float> { targetStorage[..<rowCount] }

    /// Makes room for `capacity` rows of `featureCount` values (allocating only when the storage is
    /// too small or shaped for other data) and sets the batch's shape; the caller fills the rows.
    mutating func reshape(rows: Int, featureCount: Int, task: Task, capacity: Int) {
        if self.featureCount != featureCount || targetStorage.count < capacity {
            featureStorage = [Float](repeating: 0, count: capacity * featureCount)
            targetStorage = [Float](repeating: 0, count: capacity)
        }
        (self.rowCount, self.featureCount, self.task) = (rows, featureCount, task)
    }

    /// Calls `body` with the storage to write the rows into (features, then targets).
    mutating func withStorage<R>(
        _ body: (UnsafeMutableBufferPointer<Float>, UnsafeMutableBufferPointer<Float>) -> R
    ) -> R {
        featureStorage.withUnsafeMutableBufferPointer { features in
            targetStorage.withUnsafeMutableBufferPointer { targets in body(features, targets) }
        }
    }
}
