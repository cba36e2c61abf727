import GoldilocksData
import TestSupport
import Testing

/// 50 rows of 3 features (10r, 10r+1, 10r+2) with target r.
private let data = Dataset(
    features: (0..<50).flatMap { row in (0..<3).map { Float(row * 10 + $0) } }, targets: (0..<50).map(Float.init),
    featureCount: 3, task: .regression)

/// The targets of every batch of the batcher's current epoch, checking each row's features.
private func epochRows(_ batcher: Batcher) -> [[Int]] {
    let x = UnsafeMutableBufferPointer<Float>.allocate(capacity: batcher.batchSize * 3)
    let y = UnsafeMutableBufferPointer<Float>.allocate(capacity: batcher.batchSize)
    defer { x.deallocate(); y.deallocate() }
    return (0..<batcher.batchCount).map { k in
        let rows = batcher.fill(batch: k, features: x, targets: y)
        #expect(rows == batcher.rowCount(ofBatch: k))
        return (0..<rows).map { i in
            let row = Int(y[i])
            #expect(Array(x[i * 3..<i * 3 + 3]) == [Float(row * 10), Float(row * 10 + 1), Float(row * 10 + 2)])
            return row
        }
    }
}

@Test func everyRowOnceAnEpochWithTheLastPartialBatchKept() throws {
    var batcher = try Batcher(dataset: data, batchSize: 7, seed: 1)
    #expect(batcher.batchCount == 8)
    var orders: [[Int]] = []
    for _ in 0..<3 {
        let batches = epochRows(batcher)
        #expect(batches.map(\.count) == [7, 7, 7, 7, 7, 7, 7, 1])
        let order = batches.flatMap { $0 }
        #expect(order.sorted() == Array(0..<50))
        orders.append(order)
        batcher.nextEpoch()
    }
    #expect(batcher.epoch == 3)
    #expect(orders[0] != orders[1] && orders[1] != orders[2])
    #expect(orders[0] != Array(0..<50))
}

@Test func sameSeedSameBatches() throws {
    var a = try Batcher(dataset: data, batchSize: 16, seed: 5), b = try Batcher(dataset: data, batchSize: 16, seed: 5)
    a.nextEpoch()
    b.nextEpoch()
    #expect(a.order == b.order)
    #expect(try Batcher(dataset: data, batchSize: 16, seed: 6).order != b.order)
}

@Test func withoutShufflingBatchesFollowRowOrder() throws {
    var batcher = try Batcher(dataset: data, batchSize: 20, shuffle: false)
    batcher.nextEpoch()
    #expect(epochRows(batcher).flatMap { $0 } == Array(0..<50))
    #expect(batcher.batchCount == 3 && batcher.rowCount(ofBatch: 2) == 10)
}

@Test func batchLargerThanTheDataIsOneBatch() throws {
    let batcher = try Batcher(dataset: data, batchSize: 64, seed: 0)
    #expect(batcher.batchCount == 1)
    #expect(epochRows(batcher)[0].sorted() == Array(0..<50))
}

@Test func batchSizeMustBePositive() {
    expectError(DataError.batchSizeTooSmall(0), reads: "the batch size must be at least 1, not 0") { _ = try Batcher(dataset: data, batchSize: 0) }
}
