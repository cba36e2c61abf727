import Foundation

/// Appends records of named scalars to `NAME.csv` and `NAME.jsonl`, one line per record,
/// each line written straight to the operating system.
///
/// The CSV header `step,epoch,NAMES…` is fixed by the first record (or by `columns`); a later
/// record may leave a column out (an empty cell, `null` in JSON) but may not add one.
/// Non-finite values are `nan`/`inf`/`-inf` in CSV and `null` in JSON.
public final class MetricsWriter {
    private let csv: AppendingFile
    private let jsonLines: AppendingFile
    private var columns: [String]?

    /// Opens (appending to) `directory/NAME.csv` and `directory/NAME.jsonl`.
    ///
    /// - Parameter columns: the scalar names, in order; nil takes them from the first record.
    public init(directory: URL, name: String = "metrics", columns: [String]? = nil) throws {
        csv = try AppendingFile(directory.appendingPathComponent(name + ".csv"))
        jsonLines = try AppendingFile(directory.appendingPathComponent(name + ".jsonl"))
        self.columns = columns
        if let columns, csv.isEmpty { try writeHeader(columns) }
    }

    /// Appends one record; `epoch` may be nil (an empty cell, `null`).
    public func append(step: Int, epoch: Int?, scalars: KeyValuePairs<String, Double>) throws {
        try append(step: step, epoch: epoch, scalars: scalars.map { ($0.key, $0.value) })
    }

    /// Appends one record; `scalars` in the order the header should list them.
    public func append(step: Int, epoch: Int?, scalars: [(String, Double)]) throws {
        let header: [String]
        if let columns {
            header = columns
        } else {
            header = scalars.map(\.0)
            columns = header
            if csv.isEmpty { try writeHeader(header) }
        }
        var values: [String: Double] = [:]
        for (name, value) in scalars {
            guard header.contains(name) else {
                throw LogError.unknownColumn(file: csv.url.path, column: name, header: header)
            }
            values[name] = value
        }
        let epochText = epoch.map(String.init)
        var cells = [String(step), epochText ?? ""]
        var fields = ["\"step\":\(step)", "\"epoch\":\(epochText ?? "null")"]
        for name in header {
            cells.append(values[name].map(NumberFormat.csv) ?? "")
            fields.append(NumberFormat.jsonString(name) + ":" + (values[name].map(NumberFormat.json) ?? "null"))
        }
        try csv.write(cells.joined(separator: ",") + "\n")
        try jsonLines.write("{" + fields.joined(separator: ",") + "}\n")
    }

    private func writeHeader(_ names: [String]) throws {
        try csv.write((["step", "epoch"] + names).map(NumberFormat.csvField).joined(separator: ",") + "\n")
    }

    /// Flushes and closes both files.
    public func close() throws {
        try csv.close()
        try jsonLines.close()
    }
}
