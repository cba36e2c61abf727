import GoldilocksCore

/// `classes` interleaved spiral arms around the origin, one class per arm.
///
/// Arm `j` holds `samples / classes` points (the first arms one more when it does not divide); its
/// point `i` of `m` lies at radius `r = i / (m − 1)` and angle `θ = 2π·turns·r + 2πj/classes`, that is
/// `(r cos θ, r sin θ)`, plus Gaussian noise of standard deviation `noise` on each coordinate. The
/// arms are `1 / (turns·classes)` apart along a radius, so noise near that makes them touch.
public struct Spirals: Sendable, Equatable {
    /// The number of points over all arms.
    public var samples: Int
    /// The number of arms (classes).
    public var classes: Int
    /// How many full turns each arm makes from the centre to radius 1.
    public var turns: Double
    /// The standard deviation of the Gaussian noise added to each coordinate.
    public var noise: Double

    /// Spirals of `samples` points (1000) in `classes` arms (2) of `turns` turns (1.5), with `noise` (0.05).
    public init(samples: Int = 1000, classes: Int = 2, turns: Double = 1.5, noise: Double = 0.05) throws(DataError) {
        try require(classes >= 2, "spirals", "classes", must: "at least 2", not: classes)
        try require(samples >= classes, "spirals", "samples", must: "at least classes (\(classes))", not: samples)
        try require(turns > 0 && turns.isFinite, "spirals", "turns", must: "a positive number", not: turns)
        try require(noise >= 0 && noise.isFinite, "spirals", "noise", must: "a finite number ≥ 0", not: noise)
        self.samples = samples
        self.classes = classes
        self.turns = turns
        self.noise = noise
    }

    /// Spirals from `spirals:samples=…,classes=…,turns=…,noise=…`.
    public init(parameters: GeneratorParameters) throws(DataError) {
        try parameters.check(["samples", "classes", "turns", "noise"])
        try self.init(
            samples: try parameters.int("samples", default: 1000), classes: try parameters.int("classes", default: 2),
            turns: parameters.double("turns", default: 1.5), noise: parameters.double("noise", default: 0.05))
    }

    /// The points, labelled by arm, in shuffled order.
    public func generate(using rng: inout SeededGenerator) -> Dataset {
        var points: [(x: Double, y: Double, label: Int)] = []
        points.reserveCapacity(samples)
        for arm in 0..<classes {
            let count = samples / classes + (arm < samples % classes ? 1 : 0)
            for radius in evenlySpaced(0, 1, count: count) {
                let angle = 2 * Double.pi * (turns * radius + Double(arm) / Double(classes))
                points.append((radius * cosine(angle), radius * sine(angle), arm))
            }
        }
        return noisyPlane(points, classes: classes, noise: noise, using: &rng)
    }
}
