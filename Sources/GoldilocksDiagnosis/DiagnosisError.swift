/// Why a loss log cannot be diagnosed, with a message that says what to do.
public enum DiagnosisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The log has `count` loss values, fewer than the `needed` a diagnosis needs.
    case notEnoughPoints(count: Int, needed: Int)
    /// A learning-rate or step `column` with `count` values beside `losses` loss values.
    case lengthMismatch(column: String, count: Int, losses: Int)
    /// The step column goes backwards or repeats at row `index`.
    case stepsNotIncreasing(index: Int)
    /// The shipped diagnosis reader cannot be read (a damaged installation); `reason` says why.
    case modelUnavailable(reason: String)

    /// What is wrong with the log and what to do.
    public var description: String {
        switch self {
        case let .notEnoughPoints(count, needed):
            "not enough points: the log has \(count) loss value\(count == 1 ? "" : "s"), a diagnosis needs at least \(needed); log the loss more often or train longer"
        case let .lengthMismatch(column, count, losses):
            "the \(column) column has \(count) values but the loss column has \(losses); give one \(column) per loss value"
        case let .stepsNotIncreasing(index):
            "steps must increase: the step at row \(index) is not larger than the one before it; sort the log or drop repeated rows"
        case let .modelUnavailable(why):
            "the diagnosis model cannot be used: \(why); reinstall goldilocks (or rerun scripts/diagnosis-reader)"
        }
    }
}
