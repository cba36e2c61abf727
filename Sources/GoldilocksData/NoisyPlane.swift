import GoldilocksCore

/// A 2-D classification set from labelled points: shuffled, then each coordinate moved by
/// Gaussian noise of standard deviation `noise` (drawn x then y, point by point), as the
/// generated `moons` and `spirals` sets are made.
func noisyPlane(
    _ points: [(x: Double, y: Double, label: Int)], classes: Int, noise: Double, using rng: inout SeededGenerator
) -> Dataset {
    var points = points
    rng.shuffle(&points)
    var features: [Float] = []
    features.reserveCapacity(2 * points.count)
    for point in points {
        features.append(Float(point.x + noise * rng.nextNormal()))
        features.append(Float(point.y + noise * rng.nextNormal()))
    }
    return Dataset(
        unchecked: features, targets: points.map { Float($0.label) }, featureCount: 2,
        task: .classification(classes: classes), classNames: (0..<classes).map(String.init))
}
