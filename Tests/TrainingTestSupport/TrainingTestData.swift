import Foundation
import GoldilocksCore
import GoldilocksData
import GoldilocksNetworks
import GoldilocksOptimizers
import GoldilocksSpec

// Data and models that the training and search tests share.

/// Three Gaussian clusters in 4-D, well apart: any working trainer separates them.
public func clusters(count: Int, seed: UInt64) throws -> Dataset {
    var rng = SeededGenerator(seed: seed)
    var features: [Float] = [], targets: [Float] = []
    for i in 0..<count {
        let label = i % 3
        for d in 0..<4 { features.append(Float(rng.nextNormal()) + (d == label ? 3 : 0)) }
        targets.append(Float(label))
    }
    return try Dataset(features: features, targets: targets, featureCount: 4, task: .classification(classes: 3))
}

/// House prices: y ≈ 1e5 · (x₀ + 2x₁) + 3e5, a target around 1e5 with variance about 5e10.
public func housePrices() throws -> String {
    var generator = SeededGenerator(seed: 3)
    var text = "size,rooms,price\n"
    for _ in 0..<400 {
        let x0 = Double.random(in: -1...1, using: &generator), x1 = Double.random(in: -1...1, using: &generator)
        text += "\(x0),\(x1),\(3e5 + 1e5 * (x0 + 2 * x1) + 5e3 * Double.random(in: -1...1, using: &generator))\n"
    }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("house-prices-\(UUID().uuidString).csv")
    try Data(text.utf8).write(to: url)
    return url.path
}

/// A 4-16-3 network with the weights of `seed`.
public func smallModel(seed: UInt64 = 3) throws -> MLP<Float> {
    var generator = SeededGenerator(seed: seed)
    return try MLP<Float>(widths: [4, 16, 3], generator: &generator)
}

/// Adam with PyTorch's defaults for `model`'s parameters.
public func defaultAdam(_ model: MLP<Float>) throws -> any Optimizer<Float> {
    try makeOptimizer(Spec(name: "Adam"), parameterCount: model.parameterCount, as: Float.self)
}
