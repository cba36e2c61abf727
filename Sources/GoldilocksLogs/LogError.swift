import Foundation

/// An error reading or writing a log: one case per failure, naming the file (and the line,
/// column or byte offset), with a message that says what to do.
public enum LogError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A TensorBoard record whose length or data checksum is wrong; the file is damaged from `offset` on.
    case corruptRecord(file: String, offset: Int, reason: String)
    /// A TensorBoard record that is not a valid `Event` protocol buffer.
    case malformedEvent(file: String, offset: Int, reason: String)
    /// A folder without TensorBoard event files.
    case noEventFiles(path: String)
    /// A CSV cell that is not a number.
    case badCell(file: String, line: Int, column: String, value: String)
    /// The asked-for column (or TensorBoard tag) is not in the log.
    case missingColumn(file: String, column: String, available: [String])
    /// A metrics writer asked for a column its header, fixed by the first record, lacks.
    case unknownColumn(file: String, column: String, header: [String])
    /// A line that cannot be read (a ragged CSV row, a JSON line that is no object).
    case badLine(file: String, line: Int, reason: String)
    /// A JSON field of the wrong shape (in `trainer_state.json`, say).
    case badField(file: String, field: String, reason: String)
    /// A folder holding several runs where one was expected.
    case severalRuns(path: String, runs: [String])
    /// A folder with no loss log in it or below it.
    case noLogs(path: String)
    /// A log without values.
    case empty(file: String)
    /// A file or folder that cannot be read or written (`reason` is the system's).
    case io(path: String, reason: String)

    /// The message, naming the file (and line, column or byte offset) and what to do.
    public var description: String {
        switch self {
        case let .corruptRecord(file, offset, reason):
            return "\(file): corrupt TensorBoard record at byte \(offset): \(reason); the file is damaged from there on"
        case let .malformedEvent(file, offset, reason):
            return "\(file): the record at byte \(offset) is not a valid Event: \(reason)"
        case let .noEventFiles(path):
            return "\(path): no TensorBoard event files (names containing \"tfevents\") here"
        case let .badCell(file, line, column, value):
            return "\(file):\(line): column \"\(column)\": \"\(value)\" is not a number (write nan for a missing value)"
        case let .missingColumn(file, column, available):
            return "\(file): no \"\(column)\" column or tag; available: \(available.joined(separator: ", ")) (choose one with --column)"
        case let .unknownColumn(file, column, header):
            return "\(file): \"\(column)\" is not in the header fixed by the first record (\(header.joined(separator: ", "))); declare every column up front"
        case let .badLine(file, line, reason):
            return "\(file):\(line): \(reason)"
        case let .badField(file, field, reason):
            return "\(file): \(field): \(reason)"
        case let .severalRuns(path, runs):
            let shown = runs.count > 12 ? runs.prefix(12).joined(separator: ", ") + ", …" : runs.joined(separator: ", ")
            return "\(path) holds \(runs.count) runs: \(shown); name one (e.g. \(path.hasSuffix("/") ? path : path + "/")\(runs[0])), or pass --all"
        case let .noLogs(path):
            return "\(path): no loss log here (TensorBoard event files, metrics.csv/epochs.csv, trainer_state.json), nor in its subfolders"
        case let .empty(file):
            return "\(file): no values"
        case let .io(path, reason):
            return "\(path): \(reason)"
        }
    }
}
