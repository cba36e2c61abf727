import GoldilocksSpec
/// A data set that cannot be loaded or prepared, with a message that says where and what to fix.
///
/// Errors about a file name the file, the line (1-based, as an editor shows it) and the column,
/// so `description` reads like `data.csv, line 7, column "petal width": "abc" is not a number; …`.
public struct DataError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The whole message, ready to print.
    public let description: String
    /// The file (or data set name) the error is about, if any.
    public let file: String?
    /// The 1-based line of the offending cell or row, if any.
    public let line: Int?
    /// The column name of the offending cell, if any.
    public let column: String?

    /// An error with a message and, where known, the place it points at.
    public init(_ message: String, file: String? = nil, line: Int? = nil, column: String? = nil) {
        var place: [String] = []
        if let file { place.append(file) }
        if let line { place.append("line \(line)") }
        if let column { place.append("column \"\(column)\"") }
        self.description = place.isEmpty ? message : place.joined(separator: ", ") + ": " + message
        self.file = file
        self.line = line
        self.column = column
    }

    /// A feature cell that is not a finite number.
    static func badCell(file: String, line: Int, column: String, value: String) -> DataError {
        DataError(
            "\"\(value)\" is not a finite number; feature columns must be numeric (encode categories as numbers first, or make this column the target)",
            file: file, line: line, column: column)
    }

    /// A row whose field count differs from the header's.
    static func raggedRow(file: String, line: Int, fields: Int, columns: [String]) -> DataError {
        DataError(
            "\(fields) field\(fields == 1 ? "" : "s"), but the header has \(columns.count) columns (\(columns.joined(separator: ", ")))",
            file: file, line: line)
    }

    /// A target column name that is not in the header, with the closest one.
    static func missingTarget(file: String, target: String, columns: [String]) -> DataError {
        var message = "no target column \"\(target)\""
        if let closest = closestMatch(to: target, in: columns) { message += "; did you mean \"\(closest)\"?" }
        message += " Columns: \(columns.joined(separator: ", "))"
        return DataError(message, file: file)
    }
}

/// The candidate nearest to `word` by edit distance (case-insensitive), if reasonably near.
///
