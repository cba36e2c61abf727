import Foundation

/// Reads TensorBoard event files: Goldilocks', PyTorch's `SummaryWriter` (`simple_value` and
/// `new_style` tensor scalars with `float_val`, `double_val` or `tensor_content`) and Keras'/TF2's
/// tensor scalars.
///
/// A partial last record counts as not yet written. A checksum mismatch is an error naming the
/// file and byte offset; the `notes:` variants instead read up to the damage, as TensorBoard does,
/// and say where it is. Every point is kept (no reservoir sampling).
public enum EventFileReader {
    /// Whether a file name is an event file's (TensorBoard's rule: the name contains "tfevents").
    public static func isEventFile(_ url: URL) -> Bool {
        url.lastPathComponent.contains("tfevents")
    }

    /// The events of one file, in order.
    public static func events(in file: URL) throws -> [TensorBoardEvent] {
        var plugins: [String: String] = [:]
        return try strict(events(inBytes: contents(of: file), file: file.path, pluginOfTag: &plugins))
    }

    /// The events framed in `bytes`, the contents of the event file named `file` (for messages).
    public static func events(inBytes bytes: [UInt8], file: String) throws -> [TensorBoardEvent] {
        var plugins: [String: String] = [:]
        return try strict(events(inBytes: bytes, file: file, pluginOfTag: &plugins))
    }

    /// The events framed in `bytes` up to the first damaged record; the damage, if any, is added
    /// to `notes`.
    public static func events(inBytes bytes: [UInt8], file: String, notes: inout [String]) throws -> [TensorBoardEvent] {
        var plugins: [String: String] = [:]
        let read = try events(inBytes: bytes, file: file, pluginOfTag: &plugins)
        notes += read.damage.map { [note($0, kept: read.events.count)] } ?? []
        return read.events
    }

    /// The event files at `path`: the file itself, or every event file in the folder and its
    /// subfolders, sorted by path (so by time within a run).
    public static func eventFiles(at path: URL) throws -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
            throw LogError(.io(path: path.path, reason: "no such file or folder"))
        }
        guard isDirectory.boolValue else { return [path] }
        let found = FileManager.default.enumerator(at: path, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }
            .filter(isEventFile)
            .sorted { $0.path < $1.path } ?? []
        guard !found.isEmpty else { throw LogError(.noEventFiles(path: path.path)) }
        return found
    }

    /// Every scalar series at `path` (a file, or a folder of runs), keyed by tag.
    ///
    /// Files in a subfolder of `path` (Keras writes `train/` and `validation/`) have their tags
    /// prefixed with the subfolder: `train/epoch_loss`. Points keep file order.
    public static func scalars(at path: URL) throws -> [String: [ScalarPoint]] {
        var notes: [String] = []
        return try scalars(at: path, notes: &notes, strict: true)
    }

    /// Every scalar series at `path`, each file read up to its first damaged record; each damage
    /// is added to `notes`.
    public static func scalars(at path: URL, notes: inout [String]) throws -> [String: [ScalarPoint]] {
        try scalars(at: path, notes: &notes, strict: false)
    }

    private static func scalars(at path: URL, notes: inout [String], strict: Bool) throws -> [String: [ScalarPoint]] {
        let root = path.standardizedFileURL.resolvingSymlinksInPath().path
        var series: [String: [ScalarPoint]] = [:]
        for file in try eventFiles(at: path) {
            let folder = file.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath().path
            let prefix = folder.hasPrefix(root + "/") ? String(folder.dropFirst(root.count + 1)) + "/" : ""
            var plugins: [String: String] = [:]
            let read = try events(inBytes: contents(of: file), file: file.path, pluginOfTag: &plugins)
            if let damage = read.damage {
                if strict { throw damage }
                notes.append(note(damage, kept: read.events.count))
            }
            for event in read.events {
                guard case let .scalars(values) = event.payload else { continue }
                for v in values {
                    series[prefix + v.tag, default: []].append(
                        ScalarPoint(step: event.step, wallTime: event.wallTime, value: v.value))
                }
            }
        }
        return series
    }

    private static func contents(of file: URL) throws -> [UInt8] {
        do {
            return Array(try Data(contentsOf: file))
        } catch {
            throw LogError(.io(path: file.path, reason: "cannot read: \(error.localizedDescription)"))
        }
    }

    /// The events before the first damaged record, and that damage.
    private static func events(
        inBytes bytes: [UInt8], file: String, pluginOfTag: inout [String: String]
    ) throws -> (events: [TensorBoardEvent], damage: LogError?) {
        let read = EventRecord.recordsUpToDamage(in: bytes, file: file)
        let events = try read.records.map { record in
            do {
                return try TensorBoardEvent.decode(record.data, pluginOfTag: &pluginOfTag)
            } catch let failure as ProtobufReader.Failure {
                throw LogError(.malformedEvent(file: file, offset: record.offset, reason: failure.reason))
            }
        }
        return (events, read.damage)
    }

    private static func strict(_ read: (events: [TensorBoardEvent], damage: LogError?)) throws -> [TensorBoardEvent] {
        if let damage = read.damage { throw damage }
        return read.events
    }

    private static func note(_ damage: LogError, kept: Int) -> String {
        "\(damage); read the \(kept) events before it, as TensorBoard does"
    }
}
