import GoldilocksCore

/// Cuts a data set into mini-batches, copying rows into buffers the caller owns, so a training
/// loop allocates nothing per batch.
///
/// Each epoch visits every row exactly once, in an order drawn from the seeded generator (or in
/// row order when `shuffle` is false). Batch `k` holds rows `k·batchSize ..< min((k+1)·batchSize, n)`
/// of that order; the last batch may be smaller and is kept (PyTorch `DataLoader`'s default,
/// `drop_last=False`).
///
/// ```swift
/// var batcher = try Batcher(dataset: train, batchSize: 32, seed: 42)
/// let x = UnsafeMutableBufferPointer<Float>.allocate(capacity: batcher.batchSize * train.featureCount)
/// let y = UnsafeMutableBufferPointer<Float>.allocate(capacity: batcher.batchSize)
/// for _ in 0..<epochs {
///     for k in 0..<batcher.batchCount {
///         let rows = batcher.fill(batch: k, features: x, targets: y)
///         // train on the first `rows` rows of x and y
///     }
///     batcher.nextEpoch()
/// }
/// ```
public struct Batcher: Sendable {
    /// The rows being batched.
    public let dataset: Dataset
    /// The number of rows in every batch but possibly the last.
    public let batchSize: Int
    /// Whether each epoch visits the rows in a new random order.
    public let shuffles: Bool
    /// The current epoch, from 0.
    public private(set) var epoch = 0
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
    public var batchCount: Int { (dataset.count + batchSize - 1) / batchSize }

    /// The number of rows in batch `k`.
    public func rowCount(ofBatch k: Int) -> Int {
        min(batchSize, dataset.count - k * batchSize)
    }

    /// Copies batch `k`'s features (row after row) and targets into the start of the buffers and
    /// returns its row count. The buffers need room for `batchSize` rows.
    @discardableResult
    public func fill(batch k: Int, features: UnsafeMutableBufferPointer<Float>, targets: UnsafeMutableBufferPointer<Float>) -> Int {
        precondition(k >= 0 && k < batchCount, "batch \(k) is outside 0..<\(batchCount)")
        let rows = rowCount(ofBatch: k), width = dataset.featureCount
        precondition(features.count >= rows * width && targets.count >= rows, "the buffers are too small for batch \(k)")
        guard let featureBase = features.baseAddress, let targetBase = targets.baseAddress else { return 0 }
        let first = k * batchSize
        dataset.features.withUnsafeBufferPointer { source in
            dataset.targets.withUnsafeBufferPointer { sourceTargets in
                order.withUnsafeBufferPointer { order in
                    guard let sourceBase = source.baseAddress else { return }
                    for i in 0..<rows {
                        let row = order[first + i]
                        (featureBase + i * width).update(from: sourceBase + row * width, count: width)
                        targetBase[i] = sourceTargets[row]
                    }
                }
            }
        }
        return rows
    }

    /// Moves to the next epoch, drawing a new order when shuffling.
    public mutating func nextEpoch() {
        epoch += 1
        if shuffles { rng.shuffle(&order) }
    }
}
