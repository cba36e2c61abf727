import Foundation
import GoldilocksSpec

/// Reads a CSV file with a header row into a `Dataset`.
///
/// The target is the column named `target` (the last column when nil); every other column is a
/// feature and must hold numbers (no silent encoding of text). The task is detected or forced by
/// `task` (see `TaskChoice`). The format is RFC 4180 with LF or CRLF line ends; blank lines are
/// skipped. Any problem is a `DataError` naming the file, the 1-based line and the column.
public struct CSVLoader: Sendable {
    /// The target column's name; nil for the last column.
    public var target: String?
    /// Detect the task, or force it.
    public var task: TaskChoice

    /// A loader for the column `target` (the last when nil), detecting or forcing the task.
    public init(target: String? = nil, task: TaskChoice = .auto) {
        self.target = target
        self.task = task
    }

    /// Loads the CSV file at `path`.
    public func load(path: String) throws(DataError) -> Dataset {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(file: path, reason: error.localizedDescription)
        }
        return try load(bytes: data, name: path)
    }

    /// Loads CSV text; `name` stands for the file in error messages.
    public func load(text: String, name: String = "<text>") throws(DataError) -> Dataset {
        try load(bytes: Data(text.utf8), name: name)
    }

    /// Loads CSV bytes; `name` stands for the file in error messages.
    public func load(bytes: Data, name: String) throws(DataError) -> Dataset {
        // `withUnsafeBytes` rethrows untyped; a Result keeps the error a DataError.
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(DataError) in try parse(raw.bindMemory(to: UInt8.self), name: name) }
        }
        return try result.get()
    }

    private func parse(_ bytes: UnsafeBufferPointer<UInt8>, name file: String) throws(DataError) -> Dataset {
        var reader = CSVRecordReader(bytes: bytes)
        var columns: [String] = []
        /// The next record, a syntax error turned into the file's `DataError`.
        func next() throws(DataError) -> Bool {
            do {
                return try reader.next()
            } catch {
                switch error {
                case .unclosedQuote(let line):
                    throw .unclosedQuote(file: file, line: line)
                case .textAfterQuote(let line, let field):
                    throw .textAfterQuote(file: file, line: line, column: columns.indices.contains(field) ? columns[field] : nil)
                }
            }
        }
        guard try next() else { throw DataError.emptyFile(file: file) }
        columns = reader.fields.map { reader.text(of: $0) }
        for (index, column) in columns.enumerated() where columns[..<index].contains(column) {
            throw DataError.duplicateColumn(file: file, column: column)
        }
        guard columns.count >= 2 else {
            throw DataError.singleColumn(file: file, line: reader.fields[0].line, column: columns[0])
        }
        let targetIndex: Int
        if let target {
            guard let index = columns.firstIndex(of: target) else {
                throw DataError.missingTarget(
                    file: file, target: target, columns: columns, closest: closestMatch(to: target, in: columns))
            }
            targetIndex = index
        } else {
            targetIndex = columns.count - 1
        }
        var targetColumn = TargetColumn(file: file, name: columns[targetIndex])
        var features: [Float] = []
        var parser = FloatParser()
        while try next() {
            let fields = reader.fields
            guard fields.count == columns.count else {
                throw DataError.raggedRow(file: file, line: fields[0].line, fields: fields.count, columns: columns)
            }
            for (index, field) in fields.enumerated() {
                if index == targetIndex {
                    targetColumn.texts.append(reader.text(of: field))
                    targetColumn.lines.append(field.line)
                } else if let value = reader.withBytes(of: field, { parser.parse($0) }) {
                    features.append(value)
                } else {
                    throw DataError.badCell(file: file, line: field.line, column: columns[index], value: reader.text(of: field))
                }
            }
        }
        guard !targetColumn.texts.isEmpty else {
            throw DataError.noRows(file: file)
        }
        let (targets, task, classNames) = try targetColumn.encode(as: task)
        var featureNames = columns
        featureNames.remove(at: targetIndex)
        return try Dataset(
            features: features, targets: targets, featureCount: featureNames.count, task: task,
            featureNames: featureNames, targetName: columns[targetIndex], classNames: classNames)
    }
}
