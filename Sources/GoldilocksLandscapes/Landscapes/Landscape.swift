/// An analytic loss surface in Double: a value and its exact gradient at any point, and where its
/// global minima are (all of value 0 here), for watching optimizers and learning rates at work.
public protocol Landscape: Sendable {
    /// The number of coordinates a point has.
    var dimension: Int { get }

    /// The loss at `x` (`x.count == dimension`).
    func value(at x: [Double]) -> Double

    /// The gradient of the loss at `x`, `∂f/∂xᵢ` for each coordinate.
    func gradient(at x: [Double]) -> [Double]

    /// The global minima, where the loss is 0.
    var minima: [[Double]] { get }
}
