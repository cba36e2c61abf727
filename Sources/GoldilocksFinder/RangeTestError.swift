/// A range test that cannot run as configured, with what to change.
public struct RangeTestError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What is wrong and what to change.
    public let description: String

    init(_ description: String) { self.description = description }
}
