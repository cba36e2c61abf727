import Foundation

/// An error reading or writing a log, with a message that names the file and what to do.
public struct LogError: Error, CustomStringConvertible, Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case corruptRecord(file: String, offset: Int, reason: String)
        case malformedEvent(file: String, offset: Int, reason: String)
        case noEventFiles(path: String)
        case badCell(file: String, line: Int, column: String, value: String)
        case missingColumn(file: String, column: String, available: [String])
        case unknownColumn(file: String, column: String, header: [String])
        case badLine(file: String, line: Int, reason: String)
        case badField(file: String, field: String, reason: String)
        case severalRuns(path: String, runs: [String])
        case noLogs(path: String)
        case empty(file: String)
        case io(path: String, reason: String)
    }

    let kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    /// The message, naming the file (and line, column or byte offset) and what to do.
    public var description: String {
        switch kind {
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
