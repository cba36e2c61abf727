import GoldilocksData
import TestSupport
import Testing

/// 50 rows of 3 features (10r, 10r+1, 10r+2) with target r.
private func rows() throws -> Dataset {
    try Dataset(
        features: (0..<50).flatMap { row in (0..<3).map { Float(row * 10 + $0) } }, targets: (0..<50).map(Float.init),
        featureCount: 3, task: .regression)
}

/// The targets of every batch of the batcher's next epoch, checking each row's features.
private func epochRows(_ batcher: inout Batcher) -> [[Int]] {
    var batch = Batch()
    return (0..<batcher.batchCount).map { k in
        batcher.fill(&batch)
        #expect(batch.rowCount == batcher.rowCount(ofBatch: k))
        #expect(batcher.position == k + 1)
        let features = Array(batch.features), targets = Array(batch.targets)
        return (0..<batch.rowCount).map { i in
            let row = Int(targets[i])
            #expect(Array(features[i * 3..<i * 3 + 3]) == [Float(row * 10), Float(row * 10 + 1), Float(row * 10 + 2)])
            return row
        }
    }
}

@Test func everyRowOnceAnEpochWithTheLastPartialBatchKept() throws {
    var batcher = try Batcher(dataset: try rows(), batchSize: 7, seed: 1)
    #expect(batcher.batchCount == 8)
    var orders: [[Int]] = []
    for epoch in 0..<3 {
        let batches = epochRows(&batcher)
        #expect(batcher.epoch == epoch)
        #expect(batches.map(\.count) == [7, 7, 7, 7, 7, 7, 7, 1])
        let order = batches.flatMap { $0 }
        #expect(order.sorted() == Array(0..<50))
        orders.append(order)
    }
    #expect(orders[0] != orders[1] && orders[1] != orders[2])
    #expect(orders[0] != Array(0..<50))
}

@Test func sameSeedSameBatches() throws {
    var a = try Batcher(dataset: try rows(), batchSize: 16, seed: 5), b = try Batcher(dataset: try rows(), batchSize: 16, seed: 5)
    #expect(epochRows(&a) == epochRows(&b))
    #expect(epochRows(&a) == epochRows(&b))  // the second epoch's new order, the same in both
    var c = try Batcher(dataset: try rows(), batchSize: 16, seed: 6)
    #expect(epochRows(&c) != epochRows(&b))
}

@Test func withoutShufflingBatchesFollowRowOrder() throws {
    var batcher = try Batcher(dataset: try rows(), batchSize: 20, shuffle: false)
    _ = epochRows(&batcher)
    #expect(epochRows(&batcher).flatMap { $0 } == Array(0..<50))
    #expect(batcher.batchCount == 3 && batcher.rowCount(ofBatch: 2) == 10)
    #expect(batcher.rowCount(ofBatch: 3) == 0 && batcher.rowCount(ofBatch: -1) == 0)
}

@Test func batchLargerThanTheDataIsOneBatch() throws {
    var batcher = try Batcher(dataset: try rows(), batchSize: 64, seed: 0)
    #expect(batcher.batchCount == 1)
    #expect(epochRows(&batcher)[0].sorted() == Array(0..<50))
}

@Test func batchSizeMustBePositive() throws {
    let data = try rows()
    expectError(DataError.batchSizeTooSmall(0), reads: "the batch size must be at least 1, not 0") { _ = try Batcher(dataset: data, batchSize: 0) }
}
