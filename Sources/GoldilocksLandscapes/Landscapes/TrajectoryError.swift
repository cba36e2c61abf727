import GoldilocksOptimizers
/// A trajectory that cannot be run as asked (a start point of the wrong dimension, negative steps),
/// with what to change.
public enum TrajectoryError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A negative number of steps.
    case negativeSteps(Int)
    /// A start point with `count` coordinates where the function takes `expected`.
    case startDimension(Int, expected: Int)
    /// A start point with a NaN or infinite coordinate.
    case nonFiniteStart([Double])
    /// The quadratic asked for on a start point without coordinates.
    case noCoordinates
    /// A two-dimensional `function` asked for on a start point of `dimension` coordinates.
    case notTwoDimensional(function: LandscapeFunction, dimension: Int)
    /// An optimizer that cannot step this start point (made for another number of coordinates).
    case optimizer(OptimizerError)

    /// What is wrong and what to change.
    public var description: String {
        switch self {
        case let .negativeSteps(steps):
            "the number of steps must be 0 or more, not \(steps)"
        case let .startDimension(count, expected):
            "the start point has \(count) coordinates; this function takes \(expected)"
        case let .nonFiniteStart(start):
            "the start point must be finite, not \(start)"
        case let .optimizer(error):
            "\(error)"
        case .noCoordinates:
            "quadratic needs a start point with at least one coordinate"
        case let .notTwoDimensional(function, dimension):
            "\(function.rawValue) is a function of 2 coordinates, but the start point has \(dimension)"
        }
    }
}
