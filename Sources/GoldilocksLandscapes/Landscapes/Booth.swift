/// Booth's function `f(x, y) = (x + 2y − 7)² + (2x + y − 5)²`: a tilted quadratic bowl with minimum 0
/// at `(1, 3)`.
///
/// `∂f/∂x = 2(x + 2y − 7) + 4(2x + y − 5)`, `∂f/∂y = 4(x + 2y − 7) + 2(2x + y − 5)`.
public struct Booth: Landscape, Equatable {
    public init() {}

    public var dimension: Int { 2 }

    public func value(at x: [Double]) -> Double {
        let (p, q) = (x[0] + 2 * x[1] - 7, 2 * x[0] + x[1] - 5)
        return p * p + q * q
    }

    public func gradient(at x: [Double]) -> [Double] {
        let (p, q) = (x[0] + 2 * x[1] - 7, 2 * x[0] + x[1] - 5)
        return [2 * p + 4 * q, 4 * p + 2 * q]
    }

    public var minima: [[Double]] { [[1, 3]] }
}
