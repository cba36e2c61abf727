import Foundation

/// Writes a TensorBoard event file, one run per folder, that TensorBoard, tbparse and PyTorch read.
///
/// The file is named as PyTorch's `SummaryWriter` names it,
/// `events.out.tfevents.%010d.HOST.PID.UID` (seconds since 1970, zero-padded so later files sort
/// after earlier ones); the first record is `Event{wall_time, file_version: "brain.Event:2"}`.
/// Each record is written with one unbuffered write, so a killed run loses at most the record in
/// flight (readers treat a partial last record as not yet written).
/// Scalars are stored as `simple_value` (what tbparse's `.scalars` and most tools read), or as
/// rank-0 DT_FLOAT tensors with the "scalars" plugin metadata when `tensorScalars` is set.
public final class EventFileWriter {
    /// The event file being written.
    public var url: URL { file.url }
    private let file: AppendingFile
    private let tensorScalars: Bool
    private var taggedWithMetadata: Set<String> = []

    /// Creates `directory` if needed and starts a new event file in it.
    ///
    /// - Parameters:
    ///   - directory: the run's folder (TensorBoard shows one run per folder).
    ///   - tensorScalars: store scalars in tensor form (as TF2 and PyTorch's `new_style` do).
    ///   - wallTime: the time in the file name and first record; defaults to now.
    public init(directory: URL, tensorScalars: Bool = false, wallTime: Double = Date().timeIntervalSince1970) throws {
        self.tensorScalars = tensorScalars
        let host = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "localhost"
        let pid = ProcessInfo.processInfo.processIdentifier
        let seconds = String(format: "%010d", Int(wallTime))
        var uid = 0
        var url: URL
        repeat {
            url = directory.appendingPathComponent("events.out.tfevents.\(seconds).\(host).\(pid).\(uid)")
            uid += 1
        } while FileManager.default.fileExists(atPath: url.path)
        file = try AppendingFile(url)
        try write(TensorBoardEvent(wallTime: wallTime, payload: .fileVersion("brain.Event:2")))
    }

    /// Appends one event.
    public func write(_ event: TensorBoardEvent) throws {
        try file.write(EventRecord.frame(event.encoded()))
    }

    /// Appends one scalar at `step`, as one event (as `SummaryWriter.add_scalar` does).
    public func add(_ value: Double, tag: String, step: Int, wallTime: Double = Date().timeIntervalSince1970) throws {
        let first = taggedWithMetadata.insert(tag).inserted
        let scalar = TensorBoardScalar(
            tag: tag, value: value, form: tensorScalars ? .tensor : .simpleValue,
            hasMetadata: tensorScalars && first)
        try write(TensorBoardEvent(wallTime: wallTime, step: step, payload: .scalars([scalar])))
    }

    /// Flushes to disk and closes the file.
    public func close() throws { try file.close() }
}
