/// Scales a regression target to mean 0 and standard deviation 1, fitted on the training rows
/// (as features are), so that a target in the hundreds of thousands trains at the same learning
/// rates as one near 1.
///
/// `y' = (y − mean) / scale`, computed in Double; a constant target keeps scale 1. A mean squared
/// error on `y'` is `1 / scale²` times the one on `y`: `lossScale` turns it back into the data's
/// own units.
public struct TargetStandardizer: Sendable, Codable, Equatable {
    /// The training targets' mean.
    public var mean: Double
    /// Their population standard deviation (1 for a constant target).
    public var scale: Double

    /// Fits the mean and standard deviation of `training`'s targets.
    public init(fittedTo training: Dataset) {
        let count = Double(max(training.count, 1))
        let mean = training.targets.reduce(0.0) { $0 + Double($1) } / count
        let variance = training.targets.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / count
        let deviation = variance.squareRoot()
        self.mean = mean
        self.scale = deviation.isFinite && deviation > 10 * Double.ulpOfOne * max(1, abs(mean)) ? deviation : 1
    }

    /// What a mean squared error on the standardised target is multiplied by to read in the
    /// target's own units: scale².
    public var lossScale: Double { scale * scale }

    /// Standardises `dataset`'s targets in place and records the scale in its `lossScale`, so the
    /// losses reported on it read in the target's own units. Class labels are left alone: they
    /// are indices, not values.
    public func apply(to dataset: inout Dataset) {
        guard dataset.task == .regression else { return }
        for row in dataset.targets.indices {
            dataset.targets[row] = Float((Double(dataset.targets[row]) - mean) / scale)
        }
        dataset.lossScale *= lossScale
    }

    /// A prediction on the standardised scale in the target's own units.
    public func original(_ value: Double) -> Double { value * scale + mean }
}
