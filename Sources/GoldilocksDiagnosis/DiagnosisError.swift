/// Why a loss log cannot be diagnosed, with a message that says what to do.
public struct DiagnosisError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Reason: Sendable, Equatable {
        case notEnoughPoints(count: Int, needed: Int)
        case lengthMismatch(column: String, count: Int, losses: Int)
        case stepsNotIncreasing(index: Int)
        case modelUnavailable(String)
    }

    private let reason: Reason

    /// The log has fewer loss values than a diagnosis needs.
    public static func notEnoughPoints(count: Int, needed: Int) -> DiagnosisError {
        DiagnosisError(reason: .notEnoughPoints(count: count, needed: needed))
    }

    /// A learning-rate or step column is not as long as the loss column.
    public static func lengthMismatch(column: String, count: Int, losses: Int) -> DiagnosisError {
        DiagnosisError(reason: .lengthMismatch(column: column, count: count, losses: losses))
    }

    /// The step column goes backwards or repeats at `index`.
    public static func stepsNotIncreasing(index: Int) -> DiagnosisError {
        DiagnosisError(reason: .stepsNotIncreasing(index: index))
    }

    /// The shipped diagnosis forest cannot be read (a damaged installation).
    public static func modelUnavailable(_ why: String) -> DiagnosisError {
        DiagnosisError(reason: .modelUnavailable(why))
    }

    public var description: String {
        switch reason {
        case let .notEnoughPoints(count, needed):
            "not enough points: the log has \(count) loss value\(count == 1 ? "" : "s"), a diagnosis needs at least \(needed); log the loss more often or train longer"
        case let .lengthMismatch(column, count, losses):
            "the \(column) column has \(count) values but the loss column has \(losses); give one \(column) per loss value"
        case let .stepsNotIncreasing(index):
            "steps must increase: the step at row \(index) is not larger than the one before it; sort the log or drop repeated rows"
        case let .modelUnavailable(why):
            "the diagnosis model cannot be used: \(why); reinstall goldilocks (or rerun scripts/diagnosis-model)"
        }
    }
}
