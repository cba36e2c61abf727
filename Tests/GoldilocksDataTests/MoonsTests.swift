import GoldilocksCore
import GoldilocksData
import TestSupport
import Testing

@Test func moonsWithoutNoiseLieOnScikitLearnsHalfCircles() throws {
    var rng = SeededGenerator(seed: 1)
    let moons = try Moons(samples: 101, noise: 0).generate(using: &rng)
    #expect(moons.count == 101 && moons.featureCount == 2)
    #expect(moons.classCounts == [50, 51])
    for row in 0..<moons.count {
        let x = Double(moons.features[2 * row]), y = Double(moons.features[2 * row + 1])
        // Outer: (cos t, sin t); inner: (1 − cos t, 1 − sin t − 0.5), t in [0, π].
        let (cx, cy, upper) = moons.targets[row] == 0 ? (0.0, 0.0, true) : (1.0, 0.5, false)
        #expect(abs(((x - cx) * (x - cx) + (y - cy) * (y - cy)).squareRoot() - 1) < 1e-6)
        #expect(upper ? y >= -1e-7 : y <= 0.5 + 1e-7)
    }
}

@Test func moonsAreReproducibleBySeedAndNoisy() throws {
    let generator = try Moons(samples: 200, noise: 0.2)
    var a = SeededGenerator(seed: 7), b = SeededGenerator(seed: 7), c = SeededGenerator(seed: 8)
    let first = generator.generate(using: &a)
    #expect(first.features == generator.generate(using: &b).features)
    #expect(first.features != generator.generate(using: &c).features)
    #expect(first.targets.contains(0) && first.targets.contains(1))
}

@Test func moonsRejectBadParameters() {
    expectError(
        DataError.generatorParameterOutOfRange(generator: "moons", parameter: "samples", requirement: "at least 2", value: "1"),
        reads: "moons: samples must be at least 2, not 1"
    ) { _ = try Moons(samples: 1) }
    #expect(throws: DataError.self) { try Moons(noise: -1) }
}
