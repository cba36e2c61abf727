/// The bowl `f(x) = Σ xᵢ²` in any dimension: gradient `2x`, minimum 0 at the origin. Gradient
/// descent with learning rate `lr` multiplies `x` by `1 − 2·lr` each step, so it converges for
/// `0 < lr < 1` and oscillates ever wider beyond.
public struct Quadratic: Landscape, Equatable {
    public let dimension: Int

    public init(dimension: Int) {
        self.dimension = dimension
    }

    public func value(at x: [Double]) -> Double {
        x.reduce(0) { $0 + $1 * $1 }
    }

    public func gradient(at x: [Double]) -> [Double] {
        x.map { 2 * $0 }
    }

    public var minima: [[Double]] { [Array(repeating: 0, count: dimension)] }
}
