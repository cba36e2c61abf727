/// Rosenbrock's banana valley `f(x, y) = (a − x)² + b·(y − x²)²`, with `a` 1 and `b` 100 by default:
/// minimum 0 at `(a, a²)`, at the end of a long, flat, curved valley.
///
/// `∂f/∂x = −2(a − x) − 4b·x·(y − x²)`, `∂f/∂y = 2b·(y − x²)`.
public struct Rosenbrock: Landscape, Equatable {
    public let a: Double
    public let b: Double

    public init(a: Double = 1, b: Double = 100) {
        self.a = a
        self.b = b
    }

    public var dimension: Int { 2 }

    public func value(at x: [Double]) -> Double {
        let (u, v) = (x[0], x[1])
        return (a - u) * (a - u) + b * (v - u * u) * (v - u * u)
    }

    public func gradient(at x: [Double]) -> [Double] {
        let (u, v) = (x[0], x[1])
        return [-2 * (a - u) - 4 * b * u * (v - u * u), 2 * b * (v - u * u)]
    }

    public var minima: [[Double]] { [[a, a * a]] }
}
