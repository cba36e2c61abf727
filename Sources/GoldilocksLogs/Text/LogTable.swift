import Foundation

/// Columns of numbers read from a CSV or JSON-lines log, with the line each row came from.
///
/// A cell is a number, a non-finite value (`nan`, `inf`, `-inf` and their spellings; JSON's
/// `NaN`, `Infinity`, `-Infinity` as Python writes them, and `null`), or no value at that step
/// (an empty CSV cell, a row that ends early, a key a JSON line leaves out). A last line that the
/// file does not finish (a CSV row without its line end, a JSON line that is not a whole object)
/// may be a row still being written: it is left out with a note, as TensorBoard leaves out a
/// partial record.
struct LogTable {
    let file: String
    /// Column names, in header (or first-seen) order.
    var names: [String] = []
    /// The cells of each column by row; nil where the row has no value.
    var columns: [String: [Double?]] = [:]
    /// The 1-based line of each row (for transformers' `trainer_state.json`, the 1-based entry of
    /// `log_history`).
    var lines: [Int] = []
    /// Whether rows are `log_history` entries rather than lines, for messages.
    var rowsAreEntries = false
    var rowCount: Int { lines.count }
    /// What the reader left out and why, for the user.
    var notes: [String] = []
    /// Where each column first held text that is not a number, so asking for it names the line.
    private var badCells: [String: (line: Int, value: String)] = [:]

    /// An empty table of the log named `file`.
    init(file: String) {
        self.file = file
    }

    /// Parses a CSV with a header. Non-numeric columns (e.g. a timestamp) are dropped unless they
    /// are asked for; a row with more cells than the header is an error.
    static func csv(_ text: String, file: String) throws -> LogTable {
        var table = LogTable(file: file)
        let rows = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
            .filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }
        guard let header = rows.first else { throw LogError.empty(file: file) }
        table.names = split(header.element).map { $0.trimmingCharacters(in: .whitespaces) }
        // Columns are kept by name: a name twice would merge two columns into one.
        if let twice = table.names.indices.first(where: { table.names[..<$0].contains(table.names[$0]) }) {
            throw LogError.badLine(
                file: file, line: header.offset + 1,
                reason: "the column name \"\(table.names[twice])\" appears twice in the header; rename one")
        }
        for name in table.names { table.columns[name] = [] }
        let unfinished = !(text.last?.isNewline ?? true)
        for (position, (index, line)) in rows.enumerated().dropFirst() {
            // A CSV row has no end marker but its line end: without one, "0.53" may be "0.5321"
            // half written, so the row is not read as if it were whole.
            if unfinished && position == rows.count - 1 {
                table.notes.append(
                    "\(file):\(index + 1): the last line has no line end, so it may be cut off; left out (end the file with a newline if it is whole)")
                break
            }
            let cells = split(line)
            let parsed = table.names.indices.map { k in k < cells.count ? NumberFormat.parse(Substring(cells[k])) : .missing }
            guard cells.count <= table.names.count else {
                throw LogError.badLine(
                    file: file, line: index + 1,
                    reason: "\(cells.count) cells, but the header has \(table.names.count) (\(table.names.joined(separator: ",")))")
            }
            for (k, name) in table.names.enumerated() {
                table.record(parsed[k], text: k < cells.count ? cells[k] : "", column: name, line: index + 1)
            }
            table.lines.append(index + 1)
        }
        return table
    }

    /// Appends one cell to `column`, remembering the first that is not a number.
    mutating func record(_ cell: NumberFormat.Cell, text: String, column: String, line: Int) {
        switch cell {
        case .number(let value): columns[column]?.append(value)
        case .missing: columns[column]?.append(nil)
        case .text:
            if badCells[column] == nil { badCells[column] = (line, text) }
            columns[column]?.append(nil)
        }
    }

    /// Splits one CSV line, honouring double quotes.
    private static func split(_ line: Substring) -> [String] {
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var previous: Character?
        for character in line {
            if character == "\"" {
                if quoted && previous == "\"" { cell.append("\"") }
                quoted.toggle()
            } else if character == "," && !quoted {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(character)
            }
            previous = character
        }
        cells.append(cell)
        return cells
    }

    /// Parses JSON lines: one object per line; numbers, `null`/`NaN`/`Infinity` (non-finite) or
    /// strings like "nan". A line that is not an object is an error, unless it is the last and the
    /// file does not finish it (a record cut off mid-line), which is left out with a note.
    static func jsonLines(_ text: String, file: String) throws -> LogTable {
        var table = LogTable(file: file)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
            .filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }
        let unfinished = !(text.last?.isNewline ?? true)
        for (position, (index, line)) in lines.enumerated() {
            guard let object = try? JSONDecoder().decode([String: Cell].self, from: Data(pythonNonFinite(line).utf8)) else {
                if unfinished && position == lines.count - 1 {
                    table.notes.append("\(file):\(index + 1): the last line is cut off (no line end, not a whole JSON object); left out")
                    break
                }
                throw LogError.badLine(file: file, line: index + 1, reason: "not a JSON object")
            }
            table.append(object, line: index + 1)
        }
        return table
    }

    /// Appends one record of key → cell (a JSON line, a `log_history` entry) as a row; a key seen
    /// for the first time becomes a column with no value in the rows before.
    mutating func append(_ object: [String: Cell], line: Int) {
        for key in object.keys.sorted() where columns[key] == nil {
            names.append(key)
            columns[key] = Array(repeating: nil, count: rowCount)
        }
        for name in names {
            switch object[name] {
            case nil: record(.missing, text: "", column: name, line: line)
            case .number(let number)?: record(.number(number), text: "", column: name, line: line)
            case .other(let text)?: record(NumberFormat.parse(Substring(text)), text: text, column: name, line: line)
            }
        }
        lines.append(line)
    }

    /// `line` with Python's bare `NaN`, `Infinity` and `-Infinity` (what `json.dumps` writes for
    /// non-finite floats) turned into strings, so a standard JSON decoder reads them.
    static func pythonNonFinite(_ line: Substring) -> String {
        guard line.contains("NaN") || line.contains("Infinity") else { return String(line) }
        var out = ""
        var inString = false
        var escaped = false
        var rest = line[...]
        while let character = rest.first {
            if inString {
                out.append(character)
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                }
                rest = rest.dropFirst()
                continue
            }
            if character == "\"" { inString = true }
            var replaced = false
            for token in ["-Infinity", "Infinity", "NaN"] where rest.hasPrefix(token) {
                out += "\"\(token)\""
                rest = rest.dropFirst(token.count)
                replaced = true
                break
            }
            if !replaced {
                out.append(character)
                rest = rest.dropFirst()
            }
        }
        return out
    }

    /// A JSON value in a log line: a number (`null` is NaN), or anything else as text.
    enum Cell: Decodable {
        case number(Double)
        case other(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .number(.nan)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if let text = try? container.decode(String.self) {
                self = .other(text)
            } else if let flag = try? container.decode(Bool.self) {
                self = .other(String(flag))
            } else {
                self = .other("(a JSON array or object)")
            }
        }
    }

    /// An error about one row (a line, or a `log_history` entry) and, if given, one of its columns.
    func rowError(_ row: Int, column: String? = nil, value: String? = nil, reason: String) -> LogError {
        if rowsAreEntries {
            let field = "log_history[\(row - 1)]" + (column.map { ".\($0)" } ?? "")
            return LogError.badField(file: file, field: field, reason: value.map { "\($0) \(reason)" } ?? reason)
        }
        if let column, let value, reason == Self.notANumber {
            return LogError.badCell(file: file, line: row, column: column, value: value)
        }
        return LogError.badLine(file: file, line: row, reason: (column.map { "column \"\($0)\": " } ?? "") + (value.map { "\($0) " } ?? "") + reason)
    }

    private static let notANumber = "is not a number"

    /// The numeric columns (those with no text that is not a number).
    var numericNames: [String] { names.filter { badCells[$0] == nil } }

    /// The column that `column` names, or the closest (see `SeriesName.match`), if any.
    func columnName(matching column: String) -> String? {
        SeriesName.match(column, in: numericNames) ?? SeriesName.match(column, in: names)
    }

    /// The loss (named or closest) column with its steps, and the learning rate and validation loss
    /// if present. Rows where a series has no value are left out of that series (a sparse column);
    /// a step that a series already reached replaces its points from there on (`StepHistory`).
    func lossLog(column: String) throws -> LossLog {
        guard rowCount > 0 else { throw LogError.empty(file: file) }
        guard let lossName = columnName(matching: column) else {
            throw LogError.missingColumn(file: file, column: column, available: numericNames)
        }
        var notes = self.notes
        let loss = try series(lossName, notes: &notes)
        guard !loss.values.isEmpty else { throw LogError.empty(file: file) }
        // A learning-rate or validation column with text in it is an error, not a silent omission.
        let lr = try SeriesName.learningRate(in: names).map { try series($0, notes: &notes) }
        let validation = try SeriesName.validationLoss(in: names, besides: lossName).map { try series($0, notes: &notes) }
        return LossLog(loss: loss, learningRate: lr, validation: validation, notes: notes)
    }

    /// The series of column `name` by step; an error names the first cell that is not a number.
    func series(_ name: String, notes: inout [String]) throws -> LogSeries {
        if let bad = badCells[name] {
            throw rowError(bad.line, column: name, value: rowsAreEntries ? "\"\(bad.value)\"" : bad.value, reason: Self.notANumber)
        }
        let steps = try stepOfEachRow()
        var history = StepHistory<Double>()
        for (row, value) in (columns[name] ?? []).enumerated() {
            guard let value else { continue }
            history.add(step: steps[row], value)
        }
        if let note = history.restartNote(series: name, in: file) { notes.append(note) }
        return LogSeries(name: name, steps: history.steps, values: history.points)
    }

    /// The step of each row: the `step` (or `iteration`, `global_step`, …) column, else an `epoch`
    /// column that counts up by whole numbers on every row (Keras' CSVLogger), else the row's number
    /// from 0. A step column must hold a whole number on every row.
    private func stepOfEachRow() throws -> [Int] {
        guard let name = ["step", "iteration", "iter", "global_step", "batch"].first(where: { columns[$0] != nil }) else {
            if let epochs = columns["epoch"], badCells["epoch"] == nil {
                let whole = epochs.compactMap { $0.flatMap { $0.isFinite && $0 >= 0 ? Int(exactly: $0) : nil } }
                if whole.count == rowCount && zip(whole, whole.dropFirst()).allSatisfy({ $0 < $1 }) { return whole }
            }
            return Array(0..<rowCount)
        }
        if let bad = badCells[name] {
            throw rowError(bad.line, column: name, value: "\"\(bad.value)\"", reason: "is not a step number")
        }
        return try (columns[name] ?? []).enumerated().map { row, cell in
            guard let cell, cell.isFinite, let step = Int(exactly: cell.rounded()), step >= 0 else {
                let text = cell.map { NumberFormat.csv($0) } ?? "an empty cell"
                throw rowError(lines[row], column: name, value: text, reason: "is not a step number (a whole number ≥ 0)")
            }
            return step
        }
    }
}
