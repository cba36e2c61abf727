import GoldilocksData
import TestSupport
import Testing

@Test func generatorNamesParseWithAndWithoutParameters() throws {
    #expect(try GeneratedDataset(parsing: "moons") == .moons(try Moons()))
    #expect(try GeneratedDataset(parsing: "moons:samples=500,noise=0.2") == .moons(try Moons(samples: 500, noise: 0.2)))
    #expect(try GeneratedDataset(parsing: "spirals:classes=3") == .spirals(try Spirals(classes: 3)))
    #expect(try GeneratedDataset(parsing: "blobs:centers=4,std=2") == .blobs(try Blobs(centers: 4, standardDeviation: 2)))
    #expect(try GeneratedDataset(parsing: "regression:features=3") == .regression(try SyntheticRegression(features: 3, informative: 3)))
    #expect(try GeneratedDataset(parsing: "iris") == nil)
    #expect(try GeneratedDataset(parsing: "moonsy") == nil)
}

@Test func badGeneratorParametersAreNamed() {
    expectError(
        DataError.unknownGeneratorParameter(generator: "moons", parameter: "sample", valid: ["samples", "noise"], closest: "samples"),
        reads: "moons: unknown parameter \"sample\"; did you mean \"samples\"? Valid: samples, noise"
    ) { _ = try GeneratedDataset(parsing: "moons:sample=5") }
    expectError(
        DataError.fractionalGeneratorParameter(generator: "moons", parameter: "samples", value: 2.5),
        reads: "moons: samples must be a whole number, not 2.5"
    ) { _ = try GeneratedDataset(parsing: "moons:samples=2.5") }
    expectError(
        DataError.malformedGeneratorOption(generator: "moons", option: "noise"),
        reads: "moons: \"noise\" is not key=number (for example moons:samples=500)"
    ) { _ = try GeneratedDataset(parsing: "moons:noise") }
}

@Test func sameSeedSameRowsDifferentSeedDifferentRows() throws {
    for name in GeneratedDataset.names {
        let generator = try #require(try GeneratedDataset(parsing: name))
        #expect(generator.generate(seed: 1).features == generator.generate(seed: 1).features, "\(name)")
        #expect(generator.generate(seed: 1).features != generator.generate(seed: 2).features, "\(name)")
    }
}
