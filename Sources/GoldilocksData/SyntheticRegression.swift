import GoldilocksCore

/// A linear regression problem with noise, in the spirit of scikit-learn's `make_regression`.
///
/// Features are standard normal; the first `informative` features have coefficients drawn
/// uniformly from [0, 100) (as `make_regression` draws them), the others 0; the target is
/// `y = x·w + bias + noise·ε` with `ε` standard normal. Unlike `make_regression` the features are
/// not shuffled, so the informative ones come first. Defaults: 1000 samples, 10 features of which
/// 5 informative, noise 10, bias 0.
public struct SyntheticRegression: Sendable, Equatable {
    /// The number of rows.
    public var samples: Int
    /// The number of features.
    public var features: Int
    /// How many features (the first ones) the target depends on.
    public var informative: Int
    /// The standard deviation of the Gaussian noise on the target.
    public var noise: Double
    /// The constant added to every target.
    public var bias: Double

    /// A problem as described on the type.
    public init(samples: Int = 1000, features: Int = 10, informative: Int = 5, noise: Double = 10, bias: Double = 0) throws(DataError) {
        try require(samples >= 2, "regression", "samples", must: "at least 2", not: samples)
        try require(features >= 1, "regression", "features", must: "at least 1", not: features)
        try require(
            informative >= 1 && informative <= features, "regression",
            "informative", must: "between 1 and features (\(features))", not: informative)
        try require(noise >= 0 && noise.isFinite, "regression", "noise", must: "a finite number ≥ 0", not: noise)
        try require(bias.isFinite, "regression", "bias", must: "finite", not: bias)
        self.samples = samples
        self.features = features
        self.informative = informative
        self.noise = noise
        self.bias = bias
    }

    /// A problem from `regression:samples=…,features=…,informative=…,noise=…,bias=…`.
    public init(parameters: GeneratorParameters) throws(DataError) {
        try parameters.check(["samples", "features", "informative", "noise", "bias"])
        let features = try parameters.int("features", default: 10)
        try self.init(
            samples: try parameters.int("samples", default: 1000), features: features,
            informative: try parameters.int("informative", default: min(5, features)),
            noise: parameters.double("noise", default: 10), bias: parameters.double("bias", default: 0))
    }

    /// The rows and their targets.
    public func generate(using rng: inout SeededGenerator) -> Dataset {
        let coefficients = (0..<features).map { $0 < informative ? 100 * rng.nextUnitDouble() : 0 }
        var values: [Float] = []
        values.reserveCapacity(samples * features)
        var targets: [Float] = []
        targets.reserveCapacity(samples)
        for _ in 0..<samples {
            var y = bias
            for coefficient in coefficients {
                let x = rng.nextNormal()
                values.append(Float(x))
                y += coefficient * x
            }
            targets.append(Float(y + noise * rng.nextNormal()))
        }
        return Dataset(unchecked: values, targets: targets, featureCount: features, task: .regression)
    }
}
