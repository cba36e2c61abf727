/// A range-test curve that cannot be used: unreadable, mismatched or with a bad cell.
///
/// The cases about a CSV file carry its name (`source`), the line (1 = the header) and the
/// column, and the message names them.
public enum CurveError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A different number of learning rates and losses.
    case lengthsDiffer(lrs: Int, losses: Int)
    /// A learning rate at `row` that is not finite and positive.
    case badLearningRate(Double, row: Int)
    /// The file cannot be read (`reason` is the system's).
    case unreadable(path: String, reason: String)
    /// The file has no lines.
    case empty(source: String)
    /// The column named with `option` is not in the `header`.
    case noSuchColumn(source: String, line: Int, column: String, option: String, header: String)
    /// No column has one of the `usual` names for `what` (learning-rate, loss).
    case noUsualColumn(source: String, line: Int, what: String, header: String, usual: [String], option: String)
    /// The learning rate and the loss would be read from the same `column`.
    case sameColumn(source: String, line: Int, column: String)
    /// A row with `found` cells where the header has `expected`.
    case raggedRow(source: String, line: Int, expected: Int, found: Int)
    /// A learning-rate cell that is not a finite positive number; `column` is 1-based.
    case badLearningRateCell(source: String, line: Int, column: Int, name: String, value: String)
    /// A learning rate below the `previous` row's (read on `previousLine`).
    case fallingLearningRate(source: String, line: Int, column: Int, name: String, previous: Double, previousLine: Int, lr: Double)
    /// A loss cell that is not a number; `column` is 1-based.
    case badLossCell(source: String, line: Int, column: Int, name: String, value: String)

    /// What is wrong and where, in words a user can act on.
    public var description: String {
        switch self {
        case let .lengthsDiffer(lrs, losses):
            return "a range-test curve needs one loss per learning rate, got \(lrs) learning rates and \(losses) losses"
        case let .badLearningRate(lr, row):
            return "learning rate \(lr) at row \(row) must be finite and positive"
        case let .unreadable(path, reason):
            return "cannot read \(path): \(reason)"
        case let .empty(source):
            return "\(source) is empty: expected a header such as `lr,loss` and one row per step"
        case let .noSuchColumn(source, line, column, option, header):
            return "\(source):\(line): no column \"\(column)\" (\(option)); the header has \(header)"
        case let .noUsualColumn(source, line, what, header, usual, option):
            return "\(source):\(line): no \(what) column among \(header); expected one of \(usual.joined(separator: ", ")), or name it with \(option)"
        case let .sameColumn(source, line, column):
            return "\(source):\(line): the learning rate and the loss cannot both be read from \"\(column)\""
        case let .raggedRow(source, line, expected, found):
            return "\(source):\(line): expected \(expected) cells like the header, found \(found)"
        case let .badLearningRateCell(source, line, column, name, value):
            return "\(source):\(line): column \(column) (\(name)): \"\(value)\" is not a finite positive learning rate"
        case let .fallingLearningRate(source, line, column, name, previous, previousLine, lr):
            return "\(source):\(line): column \(column) (\(name)): the learning rate falls from \(previous) (line \(previousLine)) to \(lr); "
                + "a range test's learning rate rises at every step (is the file sorted by step?)"
        case let .badLossCell(source, line, column, name, value):
            return "\(source):\(line): column \(column) (\(name)): \"\(value)\" is not a number (write nan for a missing loss)"
        }
    }
}
