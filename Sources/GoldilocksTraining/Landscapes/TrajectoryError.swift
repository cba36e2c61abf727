/// A trajectory that cannot be run as asked (a start point of the wrong dimension, negative steps),
/// with what to change.
public struct TrajectoryError: Error, CustomStringConvertible, Equatable, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
