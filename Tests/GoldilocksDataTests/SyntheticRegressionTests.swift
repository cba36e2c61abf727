import GoldilocksCore
import GoldilocksData
import Testing
import TestSupport

@Test func noiselessTargetIsLinearInTheInformativeFeaturesOnly() throws {
    var rng = SeededGenerator(seed: 4)
    let data = try SyntheticRegression(samples: 50, features: 3, informative: 1, noise: 0).generate(using: &rng)
    #expect(data.count == 50 && data.featureCount == 3 && data.task == .regression)
    // y = w·x0 for one w in [0, 100).
    let slope = Double(data.targets[0]) / Double(data.features[0])
    #expect(slope >= 0 && slope < 100)
    for row in 0..<data.count {
        expectClose(Double(data.targets[row]), slope * Double(data.features[row * 3]), rtol: 1e-4, atol: 1e-4)
    }
}

@Test func regressionIsReproducibleBySeedWithDefaults() throws {
    let generator = try SyntheticRegression()
    var a = SeededGenerator(seed: 9), b = SeededGenerator(seed: 9)
    let first = generator.generate(using: &a)
    #expect(first.count == 1000 && first.featureCount == 10)
    #expect(first.targets == generator.generate(using: &b).targets)
}

@Test func regressionRejectsMoreInformativeThanFeatures() {
    expectError(
        DataError.generatorParameterOutOfRange(
            generator: "regression", parameter: "informative", requirement: "between 1 and features (3)", value: "4"),
        reads: "regression: informative must be between 1 and features (3), not 4"
    ) { _ = try SyntheticRegression(features: 3, informative: 4) }
}
