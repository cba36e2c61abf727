import GoldilocksCore
import GoldilocksData
import TestSupport
import Testing

@Test func spiralsWithoutNoiseFollowTheirArms() throws {
    var rng = SeededGenerator(seed: 3)
    let spirals = try Spirals(samples: 301, classes: 3, turns: 1.5, noise: 0).generate(using: &rng)
    #expect(spirals.count == 301 && spirals.featureCount == 2)
    #expect(spirals.task == .classification(classes: 3))
    #expect(spirals.classCounts == [101, 100, 100])
    for row in 0..<spirals.count {
        let x = Double(spirals.features[2 * row]), y = Double(spirals.features[2 * row + 1])
        let radius = (x * x + y * y).squareRoot()
        guard radius > 1e-3 else { continue }
        // θ = 2π(turns·r + j/k) modulo a full turn.
        let expected = 2 * Double.pi * (1.5 * radius + Double(spirals.targets[row]) / 3)
        var difference = (atan2(y, x) - expected).truncatingRemainder(dividingBy: 2 * .pi)
        if difference > .pi { difference -= 2 * .pi }
        if difference < -.pi { difference += 2 * .pi }
        #expect(abs(difference) < 1e-4)
    }
}

@Test func spiralsAreReproducibleBySeed() throws {
    let generator = try Spirals()
    var a = SeededGenerator(seed: 5), b = SeededGenerator(seed: 5)
    let first = generator.generate(using: &a)
    #expect(first.count == 1000 && first.classCounts == [500, 500])
    #expect(first.features == generator.generate(using: &b).features)
}

@Test func spiralsNeedTwoArmsAndAPointPerArm() {
    expectError(
        DataError.generatorParameterOutOfRange(generator: "spirals", parameter: "classes", requirement: "at least 2", value: "1"),
        reads: "spirals: classes must be at least 2, not 1"
    ) { _ = try Spirals(classes: 1) }
    expectError(
        DataError.generatorParameterOutOfRange(generator: "spirals", parameter: "samples", requirement: "at least classes (4)", value: "3"),
        reads: "spirals: samples must be at least classes (4), not 3"
    ) { _ = try Spirals(samples: 3, classes: 4) }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
