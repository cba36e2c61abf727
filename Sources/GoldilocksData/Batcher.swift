import GoldilocksCore

/// Cuts a data set into mini-batches, refilling a `Batch` the caller owns, so a training loop
/// allocates nothing per batch.
///
/// Each epoch visits every row exactly once, in an order drawn from the seeded generator (or in
/// row order when `shuffle` is false). Batch `k` holds rows `k·batchSize ..< min((k+1)·batchSize, n)`
/// of that order; the last batch may be smaller and is kept (PyTorch `DataLoader`'s default,
/// `drop_last=False`). `fill` hands out the batches in turn and starts the next epoch (a new
/// order) when the current one is used up, so there is no batch index to get wrong.
///
/// ```swift
/// var batcher = try Batcher(dataset: train, batchSize: 32, seed: 42)
/// var batch = Batch()
/// for _ in 0..<epochs {
///     for _ in 0..<batcher.batchCount {
///         batcher.fill(&batch)
///         // train on batch.features and batch.targets
///     }
/// }
/// ```
public struct Batcher: Sendable {
    /// The rows being batched.
    public let dataset: Dataset
    /// The number of rows in every batch but possibly the last.
    public let batchSize: Int
    /// Whether each epoch visits the rows in a new random order.
    public let shuffles: Bool
    /// The epoch of the batch `fill` hands out next (or handed out last, at an epoch's end), from 0.
    public private(set) var epoch = 0
    /// The batches of the current epoch already handed out.
    public private(set) var position = 0
    /// The current epoch's row order.
    public private(set) var order: [Int]
    private var rng: SeededGenerator

    /// A batcher over `dataset` whose first epoch's order is already drawn from `seed`.
    public init(dataset: Dataset, batchSize: Int, shuffle: Bool = true, seed: UInt64 = 0) throws(DataError) {
        guard batchSize >= 1 else { throw .batchSizeTooSmall(batchSize) }
        guard dataset.count >= 1 else { throw .noSamples }
        self.dataset = dataset
        self.batchSize = batchSize
        self.shuffles = shuffle
        rng = SeededGenerator(seed: seed)
        order = Array(0..<dataset.count)
        if shuffle { rng.shuffle(&order) }
    }

    /// The number of batches per epoch, `⌈n / batchSize⌉`.
    public var batchCount: Int { dataset.count / batchSize + (dataset.count % batchSize == 0 ? 0 : 1) }

    /// The number of rows in batch `k` of an epoch (0 outside the epoch).
    public func rowCount(ofBatch k: Int) -> Int {
        guard k >= 0 && k < batchCount else { return 0 }
        return min(batchSize, dataset.count - k * batchSize)
    }

    /// The most rows a batch has: the batch size, or fewer when the data set is smaller.
    public var largestBatch: Int { min(batchSize, dataset.count) }

    /// Copies the next batch's features (row after row) and targets into `batch`, first starting a
    /// new epoch when this one's batches are all handed out. The batch's storage grows once, on its
    /// first fill; after that a fill allocates nothing.
    public mutating func fill(_ batch: inout Batch) {
        if position == batchCount {
            epoch += 1
            position = 0
            if shuffles { rng.shuffle(&order) }
        }
        let rows = rowCount(ofBatch: position), width = dataset.featureCount
        let first = position * batchSize
        batch.reshape(rows: rows, featureCount: width, task: dataset.task, capacity: largestBatch)
        batch.withStorage { features, targets in
            dataset.features.withUnsafeBufferPointer { source in
                dataset.targets.withUnsafeBufferPointer { sourceTargets in
                    order.withUnsafeBufferPointer { order in
                        guard let featureBase = features.baseAddress, let sourceBase = source.baseAddress else { return }
                        for i in 0..<rows {
                            let row = order[first + i]
                            (featureBase + i * width).update(from: sourceBase + row * width, count: width)
                            targets[i] = sourceTargets[row]
                        }
                    }
                }
            }
        }
        position += 1
    }
}
