@testable import GoldilocksData
import Testing

/// 10 rows of 2 features with labels 0, 1, 2 in turn.
private func labelled() throws -> Dataset {
    try Dataset(
        features: (0..<20).map(Float.init), targets: (0..<10).map { Float($0 % 3) }, featureCount: 2,
        task: .classification(classes: 3))
}

@Test func aBatchIsSizedOnItsFirstFillAndRefilledInPlaceAfter() throws {
    var batcher = try Batcher(dataset: try labelled(), batchSize: 4, seed: 1)
    var batch = Batch()
    #expect(batch.capacity == 0 && batch.rowCount == 0 && batch.features.isEmpty)
    batcher.fill(&batch)
    #expect(batch.capacity == 4 && batch.rowCount == 4 && batch.featureCount == 2)
    #expect(batch.task == .classification(classes: 3))
    let features = batch.featureStorage.withUnsafeBufferPointer { $0.baseAddress }
    let targets = batch.targetStorage.withUnsafeBufferPointer { $0.baseAddress }
    // Ten refills over three epochs, the short last batches (2 rows) included: the same storage.
    for _ in 0..<10 {
        batcher.fill(&batch)
        #expect(batch.capacity == 4)
        #expect(batch.featureStorage.withUnsafeBufferPointer { $0.baseAddress } == features)
        #expect(batch.targetStorage.withUnsafeBufferPointer { $0.baseAddress } == targets)
    }
    #expect(batcher.epoch == 3 && batch.rowCount == 4)
}

@Test func aBatchShowsOnlyItsRows() throws {
    var batcher = try Batcher(dataset: try labelled(), batchSize: 4, shuffle: false)
    var batch = Batch()
    for _ in 0..<3 { batcher.fill(&batch) }
    // The third batch holds rows 8 and 9; the storage keeps room for 4.
    #expect(batch.rowCount == 2 && batch.capacity == 4)
    #expect(Array(batch.features) == [16, 17, 18, 19])
    #expect(Array(batch.targets) == [2, 0])
}

@Test func aBatchFilledFromOtherDataTakesItsShape() throws {
    var batch = Batch()
    var wide = try Batcher(dataset: try labelled(), batchSize: 4, shuffle: false)
    wide.fill(&batch)
    var narrow = try Batcher(
        dataset: try Dataset(features: [1, 2, 3], targets: [0.5, 1.5, 2.5], featureCount: 1, task: .regression), batchSize: 8,
        shuffle: false)
    narrow.fill(&batch)
    #expect(batch.featureCount == 1 && batch.rowCount == 3 && batch.task == .regression)
    #expect(Array(batch.features) == [1, 2, 3] && Array(batch.targets) == [0.5, 1.5, 2.5])
}
