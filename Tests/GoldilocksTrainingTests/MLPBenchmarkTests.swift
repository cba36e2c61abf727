import Foundation
import GoldilocksCore
import GoldilocksData
import GoldilocksNetworks
import GoldilocksOptimizers
import GoldilocksSpec
import Testing

@testable import GoldilocksTraining

@Test func aBenchmarkWithBadSettingsThrowsInsteadOfTrapping() {
    #expect(throws: TrainingError.network(.widths([]))) { try MLPBenchmark(layers: [], batchSize: 8, samples: 10, epochs: 1) }
    #expect(throws: TrainingError.network(.widths([4, 0]))) { try MLPBenchmark(layers: [4, 0], batchSize: 8, samples: 10, epochs: 1) }
    #expect(throws: TrainingError.batchSize(0)) { try MLPBenchmark(layers: [4, 3], batchSize: 0, samples: 10, epochs: 1) }
    #expect(throws: TrainingError.emptyData) { try MLPBenchmark(layers: [4, 3], batchSize: 8, samples: 0, epochs: 1) }
    #expect(throws: TrainingError.epochs(-1)) { try MLPBenchmark(layers: [4, 3], batchSize: 8, samples: 10, epochs: -1) }
}

@Test func aSmallBenchmarkTrainsAndTheLossFalls() throws {
    let benchmark = try MLPBenchmark(layers: [8, 16, 3], batchSize: 16, samples: 256, epochs: 5, seed: 1)
    let data = try benchmark.makeData()
    #expect(data.count == 256 && data.classCounts.allSatisfy { $0 > 0 })
    let optimizer = try makeOptimizer(Spec(name: "Adam", parameters: ["lr": .number(0.01)]), parameterCount: 8 * 16 + 16 + 16 * 3 + 3, as: Float.self)
    let result = try benchmark.run(on: data, optimizer: optimizer, backend: .builtIn)
    #expect(result.loss < log(3.0))  // below the loss of a uniform guess over 3 classes
    #expect(result.samplesPerSecond > 0)
}
