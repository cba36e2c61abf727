/// A range-test curve that cannot be used: unreadable, mismatched or with a bad cell.
///
/// The message names the file, line and column when the curve came from a CSV file.
public struct CurveError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What is wrong and where, in words a user can act on.
    public let description: String

    init(_ description: String) { self.description = description }

    static func lengthsDiffer(lrs: Int, losses: Int) -> CurveError {
        CurveError("a range-test curve needs one loss per learning rate, got \(lrs) learning rates and \(losses) losses")
    }

    static func badLearningRate(_ lr: Double, row: Int) -> CurveError {
        CurveError("learning rate \(lr) at row \(row) must be finite and positive")
    }
}
