import Foundation

/// Everything a training run logs, in one folder: `run.json` (the configuration),
/// `metrics.csv`/`metrics.jsonl` (one line per step), `epochs.csv`/`epochs.jsonl` (one line per
/// epoch) and a TensorBoard event file with every scalar under its own name as tag.
///
/// The folder is claimed (`RunFolder`) from the start to `close()`: another run cannot write
/// into it meanwhile, and an earlier run's files are replaced only when asked.
///
/// ```swift
/// let logger = try RunLogger(directory: runFolder, configuration: config)
/// try logger.log(step: 10, epoch: 0, scalars: ["loss": 0.52, "lr": 1e-3])
/// try logger.logEpoch(epoch: 0, step: 99, scalars: ["val_loss": 0.61, "val_accuracy": 0.8])
/// try logger.close()
/// ```
public final class RunLogger {
    /// The run's folder.
    public let directory: URL
    private let folder: RunFolder
    private let events: EventFileWriter
    private let steps: MetricsWriter
    private let epochs: MetricsWriter

    /// Claims `directory` (see `RunFolder`), writes `run.json` from `configuration`, and opens the logs.
    ///
    /// - Parameters:
    ///   - replacing: remove an earlier run's files from the folder instead of refusing it.
    ///   - stepColumns, epochColumns: the scalar names of the per-step and per-epoch records,
    ///     fixing the CSV headers; nil takes them from the first record.
    ///   - tensorScalars: store TensorBoard scalars in tensor form instead of `simple_value`.
    public convenience init(
        directory: URL, replacing: Bool = false, configuration: some Encodable, stepColumns: [String]? = nil,
        epochColumns: [String]? = nil, tensorScalars: Bool = false
    ) throws {
        try self.init(
            folder: RunFolder(claiming: directory, replacing: replacing), configuration: configuration,
            stepColumns: stepColumns, epochColumns: epochColumns, tensorScalars: tensorScalars)
    }

    /// Writes `run.json` and opens the logs in a folder already claimed (claim it before slow
    /// work, so a conflict shows at once); the logger keeps the claim until `close()`.
    public init(
        folder: RunFolder, configuration: some Encodable, stepColumns: [String]? = nil,
        epochColumns: [String]? = nil, tensorScalars: Bool = false
    ) throws {
        let directory = folder.url
        self.directory = directory
        self.folder = folder
        try RunFile.write(configuration, to: directory.appendingPathComponent("run.json"))
        events = try EventFileWriter(directory: directory, tensorScalars: tensorScalars)
        steps = try MetricsWriter(directory: directory, name: "metrics", columns: stepColumns)
        epochs = try MetricsWriter(directory: directory, name: "epochs", columns: epochColumns)
    }

    /// Logs the scalars of one training step (e.g. `loss`, `lr`) to `metrics.*` and TensorBoard.
    public func log(step: Int, epoch: Int?, scalars: KeyValuePairs<String, Double>) throws {
        try log(step: step, epoch: epoch, scalars: scalars.map { ($0.key, $0.value) })
    }

    /// Logs the scalars of one training step, in header order.
    public func log(step: Int, epoch: Int?, scalars: [(String, Double)]) throws {
        try steps.append(step: step, epoch: epoch, scalars: scalars)
        try addEvents(step: step, scalars: scalars)
    }

    /// Logs an epoch's summary (e.g. `val_loss`, `val_accuracy`) at the step it ended, to
    /// `epochs.*` and TensorBoard.
    public func logEpoch(epoch: Int, step: Int, scalars: KeyValuePairs<String, Double>) throws {
        try logEpoch(epoch: epoch, step: step, scalars: scalars.map { ($0.key, $0.value) })
    }

    /// Logs an epoch's summary, in header order.
    public func logEpoch(epoch: Int, step: Int, scalars: [(String, Double)]) throws {
        try epochs.append(step: step, epoch: epoch, scalars: scalars)
        try addEvents(step: step, scalars: scalars)
    }

    private func addEvents(step: Int, scalars: [(String, Double)]) throws {
        let now = Date().timeIntervalSince1970
        for (tag, value) in scalars { try events.add(value, tag: tag, step: step, wallTime: now) }
    }

    /// Flushes and closes every log, then gives the folder up.
    public func close() throws {
        // The claim goes whatever fails: a later run must not find the folder locked by this one.
        defer { folder.release() }
        try events.close()
        try steps.close()
        try epochs.close()
    }
}
