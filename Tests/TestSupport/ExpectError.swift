import Testing

/// Expects `body` to throw exactly `expected` (its case and values), and `expected` to read
/// `message`: the case is what a program matches, the message what a user reads.
public func expectError<E: Error & Equatable & CustomStringConvertible>(
    _ expected: E, reads message: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) {
    #expect(expected.description == message, sourceLocation: sourceLocation)
    #expect(throws: expected, sourceLocation: sourceLocation) { try body() }
}
