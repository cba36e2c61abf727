/// Beale's function `f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²`: minimum 0 at
/// `(3, 0.5)`, with sharp ridges at the corners of the usual square [−4.5, 4.5]².
///
/// With `tₖ` the k-th bracket: `∂f/∂x = Σ 2tₖ·(yᵏ − 1)`, `∂f/∂y = Σ 2tₖ·k·x·yᵏ⁻¹`.
public struct Beale: Landscape, Equatable {
    public init() {}

    public var dimension: Int { 2 }

    public func value(at x: [Double]) -> Double {
        let (t1, t2, t3) = terms(x[0], x[1])
        return t1 * t1 + t2 * t2 + t3 * t3
    }

    public func gradient(at x: [Double]) -> [Double] {
        let (u, v) = (x[0], x[1])
        let (t1, t2, t3) = terms(u, v)
        return [
            2 * t1 * (v - 1) + 2 * t2 * (v * v - 1) + 2 * t3 * (v * v * v - 1),
            2 * t1 * u + 2 * t2 * 2 * u * v + 2 * t3 * 3 * u * v * v,
        ]
    }

    public var minima: [[Double]] { [[3, 0.5]] }

    private func terms(_ u: Double, _ v: Double) -> (Double, Double, Double) {
        (1.5 - u + u * v, 2.25 - u + u * v * v, 2.625 - u + u * v * v * v)
    }
}
