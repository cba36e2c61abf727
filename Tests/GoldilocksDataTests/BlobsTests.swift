import GoldilocksCore
import GoldilocksData
import TestSupport
import Testing

@Test func blobsAreGaussianClustersAroundCentresInTheBox() throws {
    var rng = SeededGenerator(seed: 11)
    let blobs = try Blobs(samples: 3001, features: 3, centers: 3, standardDeviation: 0.5).generate(using: &rng)
    #expect(blobs.count == 3001 && blobs.featureCount == 3)
    #expect(blobs.classCounts == [1001, 1000, 1000])
    for cluster in 0..<3 {
        let rows = (0..<blobs.count).filter { blobs.targets[$0] == Float(cluster) }
        for feature in 0..<3 {
            let values = rows.map { Double(blobs.features[$0 * 3 + feature]) }
            let mean = values.reduce(0, +) / Double(values.count)
            let deviation = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
            #expect(mean > -10.1 && mean < 10.1)
            // The sample deviation of 1000 normal draws is within 10% of 0.5 with near certainty.
            #expect(abs(deviation - 0.5) < 0.05)
        }
    }
}

@Test func blobsAreReproducibleBySeed() throws {
    let generator = try Blobs()
    var a = SeededGenerator(seed: 2), b = SeededGenerator(seed: 2), c = SeededGenerator(seed: 3)
    let first = generator.generate(using: &a)
    #expect(first.count == 1000 && first.featureCount == 2 && first.task == .classification(classes: 3))
    #expect(first.features == generator.generate(using: &b).features)
    #expect(first.features != generator.generate(using: &c).features)
}

@Test func blobsRejectBadParameters() {
    expectError(
        DataError.generatorParameterOutOfRange(generator: "blobs", parameter: "centers", requirement: "at least 2", value: "1"),
        reads: "blobs: centers must be at least 2, not 1"
    ) { _ = try Blobs(centers: 1) }
    #expect(throws: DataError.self) { try Blobs(features: 0) }
}
