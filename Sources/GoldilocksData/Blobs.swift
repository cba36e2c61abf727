import GoldilocksCore

/// Gaussian clusters, one class per cluster, as scikit-learn's `make_blobs`.
///
/// The centres are drawn uniformly from `centerBox` in every feature; cluster `c` gets
/// `samples / centers` points (the first clusters one more when it does not divide), each its
/// centre plus Gaussian noise of standard deviation `standardDeviation` per feature; rows are
/// shuffled. Defaults follow `make_blobs` (3 centres, 2 features, deviation 1, box (−10, 10)),
/// except 1000 samples instead of 100.
public struct Blobs: Sendable, Equatable {
    /// The number of points over all clusters.
    public var samples: Int
    /// The number of features (dimensions).
    public var features: Int
    /// The number of clusters (classes).
    public var centers: Int
    /// The standard deviation of every cluster in every feature (`cluster_std`).
    public var standardDeviation: Double
    /// The interval the centres are drawn from (`center_box`).
    public var centerBox: ClosedRange<Double>

    /// Clusters as `make_blobs` makes them; see the type's documentation for the defaults.
    public init(
        samples: Int = 1000, features: Int = 2, centers: Int = 3, standardDeviation: Double = 1,
        centerBox: ClosedRange<Double> = -10...10
    ) throws(DataError) {
        try require(centers >= 2, "blobs", "centers", must: "at least 2", not: centers)
        try require(samples >= centers, "blobs", "samples", must: "at least centers (\(centers))", not: samples)
        try require(features >= 1, "blobs", "features", must: "at least 1", not: features)
        try require(
            standardDeviation >= 0 && standardDeviation.isFinite, "blobs",
            "std", must: "a finite number ≥ 0", not: standardDeviation)
        self.samples = samples
        self.features = features
        self.centers = centers
        self.standardDeviation = standardDeviation
        self.centerBox = centerBox
    }

    /// Blobs from `blobs:samples=…,features=…,centers=…,std=…`.
    public init(parameters: GeneratorParameters) throws(DataError) {
        try parameters.check(["samples", "features", "centers", "std"])
        try self.init(
            samples: try parameters.int("samples", default: 1000), features: try parameters.int("features", default: 2),
            centers: try parameters.int("centers", default: 3), standardDeviation: parameters.double("std", default: 1))
    }

    /// The points, labelled by cluster, in shuffled order.
    public func generate(using rng: inout SeededGenerator) -> Dataset {
        let width = centerBox.upperBound - centerBox.lowerBound
        let centres = (0..<centers * features).map { _ in centerBox.lowerBound + width * rng.nextUnitDouble() }
        var labels: [Int] = []
        labels.reserveCapacity(samples)
        for cluster in 0..<centers {
            let count = samples / centers + (cluster < samples % centers ? 1 : 0)
            labels.append(contentsOf: repeatElement(cluster, count: count))
        }
        rng.shuffle(&labels)
        var values: [Float] = []
        values.reserveCapacity(samples * features)
        for label in labels {
            for feature in 0..<features {
                values.append(Float(centres[label * features + feature] + standardDeviation * rng.nextNormal()))
            }
        }
        return Dataset(
            unchecked: values, targets: labels.map(Float.init), featureCount: features,
            task: .classification(classes: centers), classNames: (0..<centers).map(String.init))
    }
}
