import GoldilocksCore
import GoldilocksData
import Testing

/// A data set whose one feature is the row index, so every row can be traced.
private func indexed(_ targets: [Float], task: Task) throws -> Dataset {
    try Dataset(features: (0..<targets.count).map(Float.init), targets: targets, featureCount: 1, task: task)
}

@Test func stratifiedSplitKeepsClassProportions() throws {
    let iris = try BundledDataset.iris.load()
    let (train, validation) = try iris.split(validationFraction: 0.2, seed: 1)
    #expect(validation.classCounts == [10, 10, 10])
    #expect(train.classCounts == [40, 40, 40])
    // ⌈0.25·569⌉ = 143 rows; 143·212/569 = 53.3 and 143·357/569 = 89.7, the larger remainder rounds up.
    let cancer = try BundledDataset.breastCancer.load()
    let parts = try cancer.split(validationFraction: 0.25, seed: 1)
    #expect(parts.validation.classCounts == [53, 90])
    #expect(parts.train.classCounts == [159, 267])
}

@Test func splitPartitionsTheRowsAndIsReproducible() throws {
    let data = try indexed((0..<101).map { Float($0 % 3) }, task: .classification(classes: 3))
    let (train, validation) = try data.split(validationFraction: 0.3, seed: 9)
    #expect(validation.count == 31 && train.count == 70)
    #expect(Set(train.features + validation.features) == Set(data.features))
    for part in [train, validation] {
        for row in 0..<part.count { #expect(part.targets[row] == Float(Int(part.features[row]) % 3)) }
    }
    #expect(try data.split(validationFraction: 0.3, seed: 9).validation.features == validation.features)
    #expect(try data.split(validationFraction: 0.3, seed: 10).validation.features != validation.features)
}

@Test func regressionSplitIsARandomPartition() throws {
    let data = try indexed((0..<10).map { Float($0) * 1.5 }, task: .regression)
    let (train, validation) = try data.split(validationFraction: 0.25, seed: 2)
    #expect(validation.count == 3 && train.count == 7)
    #expect(Set(train.features + validation.features).count == 10)
}

@Test(arguments: [0.0, 1.0, -0.5, 1.5, Double.nan])
func splitFractionMustBeBetweenZeroAndOne(fraction: Double) throws {
    let data = try indexed([0, 1, 0, 1], task: .classification(classes: 2))
    #expect(throws: DataError.self) { try data.split(validationFraction: fraction, seed: 0) }
}

@Test func splitMustLeaveTrainingRows() throws {
    let data = try indexed([0, 1], task: .classification(classes: 2))
    #expect(throws: DataError.self) { try data.split(validationFraction: 0.9, seed: 0) }
}

@Test func shuffledIsAReproduciblePermutation() throws {
    let data = try indexed((0..<50).map { Float($0) }, task: .regression)
    var a = SeededGenerator(seed: 1), b = SeededGenerator(seed: 1)
    let shuffled = data.shuffled(using: &a)
    #expect(shuffled.features == data.shuffled(using: &b).features)
    #expect(shuffled.features != data.features)
    #expect(shuffled.features.sorted() == data.features)
    #expect(shuffled.targets == shuffled.features)
}
