/// Himmelblau's function `f(x, y) = (x² + y − 11)² + (x + y² − 7)²`: four minima of value 0, so where
/// an optimizer ends depends on where it starts.
///
/// `∂f/∂x = 4x(x² + y − 11) + 2(x + y² − 7)`, `∂f/∂y = 2(x² + y − 11) + 4y(x + y² − 7)`.
public struct Himmelblau: Landscape, Equatable {
    public init() {}

    public var dimension: Int { 2 }

    public func value(at x: [Double]) -> Double {
        let (p, q) = terms(x[0], x[1])
        return p * p + q * q
    }

    public func gradient(at x: [Double]) -> [Double] {
        let (u, v) = (x[0], x[1])
        let (p, q) = terms(u, v)
        return [4 * u * p + 2 * q, 2 * p + 4 * v * q]
    }

    /// `(3, 2)` exactly; the other three are the real roots of a quartic, to 12 significant digits.
    public var minima: [[Double]] {
        [[3, 2], [-2.80511808695, 3.13131251825], [-3.77931025338, -3.28318599128], [3.58442834033, -1.84812652696]]
    }

    private func terms(_ u: Double, _ v: Double) -> (Double, Double) {
        (u * u + v - 11, u + v * v - 7)
    }
}
