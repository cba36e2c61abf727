import GoldilocksSpec

/// optax's `piecewise_constant_schedule`: the value is multiplied by a scale at each boundary.
///
/// `v = initial; for (b, s) in sorted boundaries: if t ≥ b { v *= s }`.
public struct PiecewiseConstant: LearningRateSchedule, Codable, Equatable {
    /// The value before the first boundary.
    public var initial: Double
    /// The boundaries, increasing.
    public var boundaries: [Int]
    /// The scale applied at each boundary.
    public var scales: [Double]

    /// A piecewise constant schedule; throws on a negative scale.
    public init(initial: Double, boundariesAndScales: [Int: Double]) throws(SpecError) {
        guard boundariesAndScales.values.allSatisfy({ $0 >= 0 }) else {
            throw SpecError.inconsistent(owner: nil, reason: "piecewise_constant_schedule expects non-negative scale factors")
        }
        let sorted = boundariesAndScales.sorted { $0.key < $1.key }
        self.initial = initial
        self.boundaries = sorted.map(\.key)
        self.scales = sorted.map(\.value)
    }

    public func callAsFunction(_ step: Int) -> Double {
        zip(boundaries, scales).reduce(initial) { value, pair in step >= pair.0 ? value * pair.1 : value }
    }
}
