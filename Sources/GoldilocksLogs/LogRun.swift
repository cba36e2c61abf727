import Foundation

/// One training run's log, found by `LossLog.runs(at:)`: a log file, or a folder that is one run.
///
/// A folder is one run when it holds
/// - TensorBoard event files, in it or in its `train/`, `validation/`, `eval/` … subfolders (Keras
///   writes one subfolder per phase; they are one run, read with the subfolder as tag prefix);
/// - `metrics.csv`/`epochs.csv` (or `.jsonl`): a `goldilocks train --log-dir` folder, or a PyTorch
///   Lightning `CSVLogger` version folder;
/// - transformers' `trainer_state.json`, or `checkpoint-N/trainer_state.json` folders (the latest
///   checkpoint's holds the whole history up to it).
public struct LogRun: Sendable, Equatable {
    /// The run's name: its path below the folder searched (`a`, `lightning_logs/version_0`), or its
    /// own name when the path given is the run.
    public var name: String
    /// The file or folder.
    public var path: String

    /// A run.
    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }

    /// Reads the run's loss (`column` names the loss column or tag; close names are found), with
    /// its learning rate and validation loss where logged.
    ///
    /// A run folder with `metrics.csv` and `epochs.csv` is read from both: the loss and the learning
    /// rate per step from the first that has the loss, the validation loss (and learning rate, if
    /// still missing) from the other. Their exact Doubles are preferred to the event files'
    /// 32-bit floats, which are read when the CSVs lack the column.
    public func read(column: String = "loss") throws -> LossLog {
        let url = URL(fileURLWithPath: path)
        switch Self.kind(of: url) {
        case .file?:
            return try LossLog.readFile(url, column: column)
        case .tables?:
            let tables = try Self.tables(in: url)
            if let log = try Self.merged(tables, column: column) { return log }
            if (try? EventFileReader.eventFiles(at: url)) != nil { return try LossLog.readEvents(url, column: column) }
            let available = tables.flatMap(\.numericNames)
            throw LogError.missingColumn(file: path, column: column, available: available)
        case .trainerState(let file)?:
            return try LossLog.readFile(file, column: column)
        case .events?:
            return try LossLog.readEvents(url, column: column)
        case nil:
            throw LogError.noLogs(path: path)
        }
    }

    enum Kind: Equatable {
        case file
        case tables
        case trainerState(URL)
        case events
    }

    private static let tableFiles = ["metrics.csv", "metrics.jsonl", "epochs.csv", "epochs.jsonl"]
    /// Subfolders that belong to their parent's run (Keras' phases), not runs of their own.
    private static let phaseFolders: Set<String> = ["train", "training", "validation", "val", "valid", "eval", "evaluation", "test"]

    /// What kind of run `url` is, or nil when it is a folder that is not one run.
    static func kind(of url: URL) -> Kind? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else { return .file }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        if entries.contains(where: tableFiles.contains) { return .tables }
        if entries.contains("trainer_state.json") { return .trainerState(url.appendingPathComponent("trainer_state.json")) }
        let checkpoints = entries.compactMap { name -> (Int, URL)? in
            guard name.hasPrefix("checkpoint-"), let number = Int(name.dropFirst("checkpoint-".count)) else { return nil }
            let state = url.appendingPathComponent(name).appendingPathComponent("trainer_state.json")
            return FileManager.default.fileExists(atPath: state.path) ? (number, state) : nil
        }
        if let latest = checkpoints.max(by: { $0.0 < $1.0 }) { return .trainerState(latest.1) }
        if entries.contains(where: { $0.contains("tfevents") }) { return .events }
        for phase in entries where phaseFolders.contains(phase.lowercased()) {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: url.appendingPathComponent(phase).path)) ?? []
            if files.contains(where: { $0.contains("tfevents") }) { return .events }
        }
        return nil
    }

    /// The runs at or below `url`, named by their path below `root`; a run's subfolders are its own.
    static func runs(below url: URL, named name: String, depth: Int = 0) -> [LogRun] {
        if kind(of: url) != nil { return [LogRun(name: name, path: url.path)] }
        guard depth < 8 else { return [] }
        let children = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
            .filter { !$0.hasPrefix(".") }
            .sorted()
        return children.flatMap { child -> [LogRun] in
            let childURL = url.appendingPathComponent(child)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: childURL.path, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
            return runs(below: childURL, named: name.isEmpty ? child : name + "/" + child, depth: depth + 1)
        }
    }

    /// The run folder's tables, `metrics` then `epochs` (CSV, else JSON lines); empty files skipped.
    private static func tables(in folder: URL) throws -> [LogTable] {
        try ["metrics", "epochs"].compactMap { stem in
            for ext in ["csv", "jsonl"] {
                let file = folder.appendingPathComponent("\(stem).\(ext)")
                guard FileManager.default.fileExists(atPath: file.path) else { continue }
                let data = try LossLog.contents(of: file)
                guard !data.allSatisfy({ $0 == 0x0A || $0 == 0x0D || $0 == 0x20 }) else { return nil }
                let text = String(decoding: data, as: UTF8.self)
                return ext == "csv" ? try LogTable.csv(text, file: file.path) : try LogTable.jsonLines(text, file: file.path)
            }
            return nil
        }
    }

    /// The loss from the first table that has it; the validation loss and learning rate, where that
    /// table lacks them, from the others. Nil when no table has the loss.
    private static func merged(_ tables: [LogTable], column: String) throws -> LossLog? {
        guard let primary = tables.firstIndex(where: { $0.columnName(matching: column) != nil }) else { return nil }
        var log = try tables[primary].lossLog(column: column)
        for (index, other) in tables.enumerated() where index != primary && other.rowCount > 0 {
            var notes = other.notes
            if log.validation == nil, let name = SeriesName.validationLoss(in: other.names, besides: log.loss.name) {
                let series = try other.series(name, notes: &notes)
                if !series.values.isEmpty { log.validation = series }
            }
            if log.learningRate == nil, let name = SeriesName.learningRate(in: other.names) {
                let series = try other.series(name, notes: &notes)
                if !series.values.isEmpty { log.learningRate = series }
            }
            log.notes += notes
        }
        return log
    }
}
