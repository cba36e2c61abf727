import Foundation

/// A named series of values by step, read from a log.
public struct LogSeries: Sendable, Equatable, Codable {
    /// The column or tag it was read from.
    public var name: String
    /// The steps (row numbers from 0 when the log has no `step` column).
    public var steps: [Int]
    /// The values; non-finite where the log says `nan`, `null` or `inf`. Steps with no value
    /// (an empty cell) are left out.
    public var values: [Double]

    /// A series.
    public init(name: String, steps: [Int], values: [Double]) {
        self.name = name
        self.steps = steps
        self.values = values
    }
}

/// A loss log read for diagnosis or comparison: the loss series and, if the log has one, the
/// learning-rate series.
///
/// Reads a CSV with a header (Keras' `CSVLogger`, Lightning's `metrics.csv` …), JSON lines,
/// transformers' `trainer_state.json`, a TensorBoard event file, or a run's folder (see `LogRun`).
/// The loss is the named column or tag; when there is none, the closest sensible one
/// (`train/loss`, `Loss/train`, `train_loss`, `epoch_loss`, …; never a validation or test series).
public struct LossLog: Sendable, Equatable, Codable {
    /// The loss (or the requested column).
    public var loss: LogSeries
    /// The learning rate (`lr`, `learning_rate`, `train/lr`, `lr-Adam`, …), if logged.
    public var learningRate: LogSeries?
    /// The validation loss (`val_loss`, `val/loss`, `Loss/val`, `validation/epoch_loss`, …) at
    /// whatever cadence it was logged, if logged.
    public var validation: LogSeries?
    /// What was left out while reading and why (a cut-off last line, a damaged record), for the user.
    public var notes: [String]

    /// The loss's steps.
    public var steps: [Int] { loss.steps }
    /// The loss values.
    public var values: [Double] { loss.values }

    /// A log.
    public init(loss: LogSeries, learningRate: LogSeries? = nil, validation: LogSeries? = nil, notes: [String] = []) {
        self.loss = loss
        self.learningRate = learningRate
        self.validation = validation
        self.notes = notes
    }

    /// Reads the log at `path` (`-` for standard input); `column` names the loss column or tag.
    ///
    /// A folder must be one run (see `LogRun`), or hold exactly one: a folder of several runs is an
    /// error that lists them (read each with `runs(at:)`).
    public static func read(_ path: String, column: String = "loss") throws -> LossLog {
        if path == "-" {
            return try parse(FileHandle.standardInput.readDataToEndOfFile(), name: "standard input", column: column)
        }
        let found = try runs(at: path)
        guard found.count == 1 else { throw LogError.severalRuns(path: path, runs: found.map(\.name)) }
        return try found[0].read(column: column)
    }

    /// The runs at `path`: the file or run folder itself, else every run in the folder's subfolders
    /// (`a`, `b`, `lightning_logs/version_0` …), in name order.
    public static func runs(at path: String) throws -> [LogRun] {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: path) else {
            throw LogError.io(path: path, reason: "no such file or folder")
        }
        let name = url.standardizedFileURL.lastPathComponent
        if LogRun.kind(of: url) != nil { return [LogRun(name: name, path: path)] }
        let found = LogRun.runs(below: url, named: "")
        guard !found.isEmpty else { throw LogError.noLogs(path: path) }
        return found
    }

    /// Reads one log file: a TensorBoard event file, or text (CSV, JSON lines, trainer_state.json).
    static func readFile(_ url: URL, column: String) throws -> LossLog {
        if EventFileReader.isEventFile(url) { return try readEvents(url, column: column) }
        return try parse(contents(of: url), name: url.path, column: column)
    }

    static func contents(of url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw LogError.io(path: url.path, reason: "cannot read: \(error.localizedDescription)")
        }
    }

    /// Reads a log from its bytes: a TensorBoard event file, transformers' `trainer_state.json`,
    /// JSON lines or CSV, told apart by their content; `name` names it in errors.
    public static func parse(_ data: Data, name: String, column: String = "loss") throws -> LossLog {
        let bytes = Array(data)
        if !EventRecord.recordsUpToDamage(in: Array(bytes.prefix(4096)), file: name).records.isEmpty {
            var notes: [String] = []
            let events = try EventFileReader.events(inBytes: bytes, file: name, notes: &notes)
            let series = EventFileReader.scalars(of: events, file: name, notes: &notes)
            return try lossLog(series, file: name, column: column, notes: notes)
        }
        return try parse(text: data, name: name, column: column)
    }

    /// Reads a CSV, JSON-lines or `trainer_state.json` log from its bytes; `name` names it in errors.
    public static func parse(text data: Data, name: String, column: String = "loss") throws -> LossLog {
        let text = String(decoding: data, as: UTF8.self)
        let firstCharacter = text.first(where: { !$0.isWhitespace })
        if firstCharacter == "{" && LogTable.isTrainerState(text) {
            return try LogTable.trainerState(text, file: name).lossLog(column: column)
        }
        return firstCharacter == "{"
            ? try LogTable.jsonLines(text, file: name).lossLog(column: column)
            : try LogTable.csv(text, file: name).lossLog(column: column)
    }

    static func readEvents(_ url: URL, column: String) throws -> LossLog {
        var notes: [String] = []
        let series = try EventFileReader.scalars(at: url, notes: &notes)
        return try lossLog(series, file: url.path, column: column, notes: notes)
    }

    /// The loss tag (named or closest) and the learning rate among TensorBoard scalar series.
    private static func lossLog(
        _ tags: [String: [ScalarPoint]], file: String, column: String, notes: [String]
    ) throws -> LossLog {
        let available = tags.keys.sorted()
        guard let lossTag = SeriesName.match(column, in: available) else {
            throw LogError.missingColumn(file: file, column: column, available: available)
        }
        func series(_ tag: String) -> LogSeries {
            let points = tags[tag] ?? []
            return LogSeries(name: tag, steps: points.map(\.step), values: points.map(\.value))
        }
        return LossLog(
            loss: series(lossTag), learningRate: SeriesName.learningRate(in: available).map(series),
            validation: SeriesName.validationLoss(in: available, besides: lossTag).map(series), notes: notes)
    }
}

/// Picks a series by name the way a user means it.
enum SeriesName {
    private static let excluded: Set<String> = ["val", "valid", "validation", "test", "eval", "evaluation", "dev"]

    private static func words(_ name: String) -> [String] {
        name.lowercased().split(whereSeparator: { "/_-. :".contains($0) }).map(String.init)
    }

    /// `wanted` itself, else (case-insensitively) the one whose words contain `wanted`'s words and
    /// no validation/test word, preferring "train" and then the shortest name.
    static func match(_ wanted: String, in names: [String]) -> String? {
        if names.contains(wanted) { return wanted }
        if let same = names.first(where: { $0.lowercased() == wanted.lowercased() }) { return same }
        let needed = words(wanted)
        guard !needed.isEmpty else { return nil }
        let candidates = names.filter { name in
            let w = words(name)
            return needed.allSatisfy(w.contains) && (excluded.isDisjoint(with: w) || !excluded.isDisjoint(with: needed))
        }
        return candidates.min { a, b in
            let trainA = words(a).contains { $0.hasPrefix("train") }
            let trainB = words(b).contains { $0.hasPrefix("train") }
            if trainA != trainB { return trainA }
            return (a.count, a) < (b.count, b)
        }
    }

    /// The validation-loss series among `names` (a loss with a validation word), other than the
    /// series `besides` already read as the loss; `val_loss` first, then the shortest name.
    static func validationLoss(in names: [String], besides chosen: String) -> String? {
        let validationWords: Set<String> = ["val", "valid", "validation", "eval", "evaluation", "dev"]
        let candidates = names.filter { name in
            let w = words(name)
            return name != chosen && !validationWords.isDisjoint(with: w) && w.contains { $0 == "loss" || $0.hasSuffix("loss") }
        }
        return candidates.min { a, b in (a == "val_loss" ? 0 : 1, a.count, a) < (b == "val_loss" ? 0 : 1, b.count, b) }
    }

    /// The learning-rate series among `names`, if any.
    static func learningRate(in names: [String]) -> String? {
        for wanted in ["lr", "learning_rate", "learning-rate", "learningrate"] {
            if let name = match(wanted, in: names) { return name }
        }
        return names.first { words($0).first.map { $0.hasPrefix("lr") } ?? false }
    }
}
