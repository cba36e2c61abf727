/// Scales each feature to mean 0 and standard deviation 1, with statistics fitted on training rows
/// only (as scikit-learn's `StandardScaler`).
///
/// `x' = (x − mean) / scale`, where `mean` and `scale` (the population standard deviation, ddof 0)
/// are computed in Double. A constant column gets scale 1, as in scikit-learn, so it maps to 0 and
/// stays finite.
public struct Standardizer: Sendable, Codable, Equatable {
    /// The mean of each feature over the fitted rows.
    public var means: [Float]
    /// The standard deviation of each feature (1 for a constant feature).
    public var scales: [Float]

    /// Statistics given directly (one mean and one non-zero scale per feature); throws for counts
    /// that differ.
    public init(means: [Float], scales: [Float]) throws(DataError) {
        guard means.count == scales.count else { throw .standardizerShape(means: means.count, scales: scales.count) }
        self.means = means
        self.scales = scales
    }

    /// Fits the means and standard deviations of `training`'s features.
    public init(fittedTo training: Dataset) {
        let width = training.featureCount, rows = training.count
        var sums = [Double](repeating: 0, count: width)
        for row in 0..<rows {
            for j in 0..<width { sums[j] += Double(training.features[row * width + j]) }
        }
        let means = sums.map { rows > 0 ? $0 / Double(rows) : 0 }
        var squares = [Double](repeating: 0, count: width)
        for row in 0..<rows {
            for j in 0..<width {
                let deviation = Double(training.features[row * width + j]) - means[j]
                squares[j] += deviation * deviation
            }
        }
        self.means = means.map { Float($0) }
        scales = zip(squares, means).map { square, mean in
            let deviation = rows > 0 ? (square / Double(rows)).squareRoot() : 0
            // scikit-learn's rule for "constant": below 10 ulps of the mean's magnitude.
            return deviation < 10 * Double.ulpOfOne * max(1, abs(mean)) ? 1 : Float(deviation)
        }
    }

    /// Standardizes `dataset`'s features in place; throws when it has another number of features
    /// than the standardizer was fitted to.
    public func apply(to dataset: inout Dataset) throws(DataError) {
        guard dataset.featureCount == means.count else {
            throw .standardizerWidth(fitted: means.count, features: dataset.featureCount)
        }
        let width = means.count
        dataset.features.withUnsafeMutableBufferPointer { values in
            for start in stride(from: 0, to: values.count, by: width) {
                for j in 0..<width { values[start + j] = (values[start + j] - means[j]) / scales[j] }
            }
        }
    }

    /// `dataset` with standardized features; throws as `apply(to:)`.
    public func applied(to dataset: Dataset) throws(DataError) -> Dataset {
        var copy = dataset
        try apply(to: &copy)
        return copy
    }
}
