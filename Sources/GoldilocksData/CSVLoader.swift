import Foundation

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
            throw DataError("cannot read the file (\(error.localizedDescription))", file: path)
        }
        return try load(bytes: data, name: path)
    }

    /// Loads CSV text; `name` stands for the file in error messages.
    public func load(text: String, name: String = "<text>") throws(DataError) -> Dataset {
        try load(bytes: Data(text.utf8), name: name)
    }

    /// Loads CSV bytes; `name` stands for the file in error messages.
    public func load(bytes: Data, name: String) throws(DataError) -> Dataset {
        do {
            return try bytes.withUnsafeBytes { raw throws(DataError) in
                try parse(raw.bindMemory(to: UInt8.self), name: name)
            }
        } catch let error as DataError {
            throw error
        } catch {
            throw DataError("\(error)", file: name)
        }
    }

    private func parse(_ bytes: UnsafeBufferPointer<UInt8>, name file: String) throws(DataError) -> Dataset {
        var reader = CSVRecordReader(bytes: bytes)
        var columns: [String] = []
        do {
            guard try reader.next() else {
                throw DataError("the file is empty; a data set needs a header row and at least one data row", file: file)
            }
            columns = reader.fields.map { reader.text(of: $0) }
            for (index, column) in columns.enumerated() where columns[..<index].contains(column) {
                throw DataError("column name \"\(column)\" appears more than once in the header", file: file, line: 1)
            }
            guard columns.count >= 2 else {
                throw DataError(
                    "the header has one column (\(columns[0])); a data set needs at least one feature column and a target column",
                    file: file, line: reader.fields[0].line)
            }
            let targetIndex: Int
            if let target {
                guard let index = columns.firstIndex(of: target) else {
                    throw DataError.missingTarget(file: file, target: target, columns: columns)
                }
                targetIndex = index
            } else {
                targetIndex = columns.count - 1
            }
            var targetColumn = TargetColumn(file: file, name: columns[targetIndex])
            var features: [Float] = []
            var parser = FloatParser()
            while try reader.next() {
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
                throw DataError("the file has a header but no data rows", file: file)
            }
            let (targets, task, classNames) = try targetColumn.encode(as: task)
            var featureNames = columns
            featureNames.remove(at: targetIndex)
            return try Dataset(
                features: features, targets: targets, featureCount: featureNames.count, task: task,
                featureNames: featureNames, targetName: columns[targetIndex], classNames: classNames)
        } catch let error as CSVRecordReader.SyntaxError {
            throw DataError(error.message, file: file, line: error.line, column: error.field.flatMap { columns.indices.contains($0) ? columns[$0] : nil })
        } catch let error as DataError {
            throw error
        } catch {
            throw DataError("\(error)", file: file)
        }
    }
}
