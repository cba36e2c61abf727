import GoldilocksData

/// One mini-batch's rows, copied contiguously from a data set: allocated once, reused each step.
final class BatchBuffer {
    let capacity: Int
    let featureCount: Int
    let features: UnsafeMutablePointer<Float>
    let targets: UnsafeMutablePointer<Float>

    init(rows: Int, features: Int, targetsPerRow: Int) {
        capacity = rows
        featureCount = features
        self.features = .allocate(capacity: rows * features)
        self.targets = .allocate(capacity: rows * targetsPerRow)
    }

    deinit {
        features.deallocate()
        targets.deallocate()
    }

    /// Copies the given rows of `data` to the front of the buffer.
    func gather(_ data: Dataset, rows: ArraySlice<Int>) {
        data.features.withUnsafeBufferPointer { source in
            var destination = features
            for row in rows {
                destination.update(from: source.baseAddress! + row * featureCount, count: featureCount)
                destination += featureCount
            }
        }
        data.targets.withUnsafeBufferPointer { source in
            for (i, row) in rows.enumerated() { targets[i] = source[row] }
        }
    }
}
