/// A range test or an automatic learning rate that cannot be had, with what to change.
public struct FinderError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong and what to do about it.
    public let description: String

    /// An error with a message a user can act on.
    public init(_ description: String) { self.description = description }
}
