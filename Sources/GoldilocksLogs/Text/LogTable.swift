import Foundation

/// Columns of numbers read from a CSV or JSON-lines log, with the line each row came from.
struct LogTable {
    let file: String
    /// Column names, in header (or first-seen) order.
    var names: [String] = []
    /// The cells of each column by row; nil where a JSON line leaves the key out.
    var columns: [String: [Double?]] = [:]
    var rowCount = 0

    /// Parses a CSV with a header; cells are numbers, `nan`/`inf`/empty for non-finite values.
    /// Non-numeric columns (e.g. a timestamp) are dropped unless they are asked for.
    static func csv(_ text: String, file: String) throws -> LogTable {
        var table = LogTable(file: file)
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
            .filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }.makeIterator()
        guard let header = lines.next() else { throw LogError(.empty(file: file)) }
        table.names = split(header.element).map { $0.trimmingCharacters(in: .whitespaces) }
        var bad: [String: (line: Int, value: String)] = [:]
        for name in table.names { table.columns[name] = [] }
        while let (index, line) = lines.next() {
            let cells = split(line)
            for (k, name) in table.names.enumerated() {
                let cell = k < cells.count ? cells[k] : ""
                let value = NumberFormat.parse(Substring(cell))
                if value == nil && bad[name] == nil { bad[name] = (index + 1, cell) }
                table.columns[name]?.append(value ?? .nan)
            }
            table.rowCount += 1
        }
        table.badCells = bad
        return table
    }

    /// Where each column first failed to parse, so asking for it names the line.
    private var badCells: [String: (line: Int, value: String)] = [:]

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

    /// Parses JSON lines: one object per line; numbers, `null` (non-finite) or strings like "nan".
    static func jsonLines(_ text: String, file: String) throws -> LogTable {
        var table = LogTable(file: file)
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            guard let object = try? JSONDecoder().decode([String: Cell].self, from: Data(line.utf8)) else {
                throw LogError(.badLine(file: file, line: index + 1, reason: "not a JSON object"))
            }
            for key in object.keys.sorted() where table.columns[key] == nil {
                table.names.append(key)
                table.columns[key] = Array(repeating: nil, count: table.rowCount)
            }
            for name in table.names {
                let value: Double?
                switch object[name] {
                case nil: value = nil
                case .number(let number)?: value = number
                case .other(let text)?:
                    if let parsed = NumberFormat.parse(Substring(text)) {
                        value = parsed
                    } else {
                        if table.badCells[name] == nil { table.badCells[name] = (index + 1, text) }
                        value = .nan
                    }
                }
                table.columns[name]?.append(value)
            }
            table.rowCount += 1
        }
        return table
    }

    /// A JSON value in a log line: a number (`null` is NaN), or anything else as text.
    private enum Cell: Decodable {
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

    /// The loss (named or closest) column with its steps, and the learning rate if present.
    /// Rows where the loss is absent (a JSON line of another kind) are skipped.
    func lossLog(column: String) throws -> LossLog {
        guard rowCount > 0 else { throw LogError(.empty(file: file)) }
        let numeric = names.filter { badCells[$0] == nil }
        guard let lossName = SeriesName.match(column, in: numeric) ?? SeriesName.match(column, in: names) else {
            throw LogError(.missingColumn(file: file, column: column, available: numeric))
        }
        if let bad = badCells[lossName] {
            throw LogError(.badCell(file: file, line: bad.line, column: lossName, value: bad.value))
        }
        let stepColumn = ["step", "iteration", "iter", "global_step", "batch"].first { numeric.contains($0) }
        func series(_ name: String) -> LogSeries {
            var steps: [Int] = []
            var values: [Double] = []
            let cells = columns[name] ?? []
            for row in 0..<rowCount {
                guard let value = cells[row] else { continue }
                let step = stepColumn.flatMap { columns[$0]?[row] }.flatMap { $0.isFinite ? Int(exactly: $0.rounded()) : nil }
                steps.append(step ?? row)
                values.append(value)
            }
            return LogSeries(name: name, steps: steps, values: values)
        }
        let lr = SeriesName.learningRate(in: numeric).map(series)
        return LossLog(loss: series(lossName), learningRate: lr)
    }
}
