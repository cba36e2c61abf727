import GoldilocksCore

/// Two interleaving half circles, as scikit-learn's `make_moons`.
///
/// The outer moon (class 0) holds `samples / 2` points `(cos t, sin t)`, the inner moon (class 1)
/// the rest, `(1 − cos t, 1 − sin t − 0.5)`, with `t` evenly spaced over `[0, π]`; the rows are
/// shuffled, then Gaussian noise of standard deviation `noise` is added to every coordinate.
/// The formula and noise semantics are scikit-learn's; the random numbers are Goldilocks' own.
public struct Moons: Sendable, Equatable {
    /// The number of points (scikit-learn's `n_samples`).
    public var samples: Int
    /// The standard deviation of the Gaussian noise added to each coordinate (0: exact curves).
    public var noise: Double

    /// Moons of `samples` points (default 1000) with `noise` (default 0.1; scikit-learn's default is none).
    public init(samples: Int = 1000, noise: Double = 0.1) throws(DataError) {
        try require(samples >= 2, "moons", "samples", must: "at least 2", not: samples)
        try require(noise >= 0 && noise.isFinite, "moons", "noise", must: "a finite number ≥ 0", not: noise)
        self.samples = samples
        self.noise = noise
    }

    /// Moons from `moons:samples=…,noise=…`.
    public init(parameters: GeneratorParameters) throws(DataError) {
        try parameters.check(["samples", "noise"])
        try self.init(samples: try parameters.int("samples", default: 1000), noise: parameters.double("noise", default: 0.1))
    }

    /// The points, labelled 0 (outer) and 1 (inner).
    public func generate(using rng: inout SeededGenerator) -> Dataset {
        let outer = samples / 2, inner = samples - outer
        var points: [(x: Double, y: Double, label: Int)] = []
        points.reserveCapacity(samples)
        for t in evenlySpaced(0, Double.pi, count: outer) { points.append((cosine(t), sine(t), 0)) }
        for t in evenlySpaced(0, Double.pi, count: inner) { points.append((1 - cosine(t), 1 - sine(t) - 0.5, 1)) }
        return noisyPlane(points, classes: 2, noise: noise, using: &rng)
    }
}

/// `count` numbers from `start` to `end` inclusive, evenly spaced (NumPy's `linspace`).
func evenlySpaced(_ start: Double, _ end: Double, count: Int) -> [Double] {
    if count == 1 { return [start] }
    return (0..<count).map { start + (end - start) * Double($0) / Double(count - 1) }
}
