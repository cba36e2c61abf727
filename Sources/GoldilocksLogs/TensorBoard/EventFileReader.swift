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
            throw LogError.io(path: path.path, reason: "no such file or folder")
        }
        guard isDirectory.boolValue else { return [path] }
        let found = FileManager.default.enumerator(at: path, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }
            .filter(isEventFile)
            .sorted { $0.path < $1.path } ?? []
        guard !found.isEmpty else { throw LogError.noEventFiles(path: path.path) }
        return found
    }

    /// Every scalar series at `path` (a file, or a run's folder), keyed by tag, as TensorBoard shows them.
    ///
    /// Files in a subfolder of `path` (Keras writes `train/` and `validation/`) have their tags
    /// prefixed with the subfolder: `train/epoch_loss`. Files are read in name order (by time within
    /// a folder). A resumed run reads as TensorBoard shows it: a `SessionLog.START` (PyTorch's
    /// `purge_step`) drops the folder's points from its step on, and a series that goes back to an
    /// earlier step (a restart without `purge_step`) drops its own points from there on, so the
    /// later file wins. One value per step, in step order.
    public static func scalars(at path: URL) throws -> [String: [ScalarPoint]] {
        var notes: [String] = []
        return try scalars(at: path, notes: &notes, strict: true)
    }

    /// Every scalar series at `path`, each file read up to its first damaged record; each damage
    /// and each restart is added to `notes`.
    public static func scalars(at path: URL, notes: inout [String]) throws -> [String: [ScalarPoint]] {
        try scalars(at: path, notes: &notes, strict: false)
    }

    private static func scalars(at path: URL, notes: inout [String], strict: Bool) throws -> [String: [ScalarPoint]] {
        let root = path.standardizedFileURL.resolvingSymlinksInPath().path
        var history = ScalarHistory()
        for file in try eventFiles(at: path) {
            let folder = file.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath().path
            let prefix = folder.hasPrefix(root + "/") ? String(folder.dropFirst(root.count + 1)) + "/" : ""
            var plugins: [String: String] = [:]
            let read = try events(inBytes: contents(of: file), file: file.path, pluginOfTag: &plugins)
            if let damage = read.damage {
                if strict { throw damage }
                notes.append(note(damage, kept: read.events.count))
            }
            history.add(read.events, prefix: prefix)
        }
        notes += history.notes(in: path.path)
        return history.series
    }

    /// The scalar series of `events` (one file's), as `scalars(at:)` reads them.
    static func scalars(of events: [TensorBoardEvent], file: String, notes: inout [String]) -> [String: [ScalarPoint]] {
        var history = ScalarHistory()
        history.add(events, prefix: "")
        notes += history.notes(in: file)
        return history.series
    }

    /// Scalar series built event by event with TensorBoard's purges, by folder (a run's
    /// subfolder, the tag prefix) and tag.
    private struct ScalarHistory {
        var byFolder: [String: [String: StepHistory<ScalarPoint>]] = [:]
        var purged: [(count: Int, step: Int)] = []

        mutating func add(_ events: [TensorBoardEvent], prefix: String) {
            for event in events {
                switch event.payload {
                case .sessionStart:
                    // TensorBoard purges the whole run (here: this folder), every tag.
                    for tag in byFolder[prefix, default: [:]].keys {
                        let count = byFolder[prefix]?[tag]?.purge(from: event.step) ?? 0
                        if count > 0 { purged.append((count, event.step)) }
                    }
                case .scalars(let values):
                    for v in values {
                        byFolder[prefix, default: [:]][v.tag, default: StepHistory()].add(
                            step: event.step, ScalarPoint(step: event.step, wallTime: event.wallTime, value: v.value))
                    }
                default: continue
                }
            }
        }

        var series: [String: [ScalarPoint]] {
            var all: [String: [ScalarPoint]] = [:]
            for (prefix, tags) in byFolder {
                for (tag, history) in tags { all[prefix + tag] = history.points }
            }
            return all
        }

        func notes(in file: String) -> [String] {
            let starts = Dictionary(grouping: purged, by: \.step).sorted { $0.key < $1.key }.map { step, items in
                "\(file): the run restarted at step \(step) (a SessionLog START, as SummaryWriter(purge_step:) writes); \(items.map(\.count).reduce(0, +)) earlier points from there on are dropped, as TensorBoard drops them"
            }
            var restarts: [String] = []
            for prefix in byFolder.keys.sorted() {
                for tag in byFolder[prefix, default: [:]].keys.sorted() {
                    if let note = byFolder[prefix]?[tag]?.restartNote(series: prefix + tag, in: file) { restarts.append(note) }
                }
            }
            return starts + restarts
        }
    }

    private static func contents(of file: URL) throws -> [UInt8] {
        do {
            return Array(try Data(contentsOf: file))
        } catch {
            throw LogError.io(path: file.path, reason: "cannot read: \(error.localizedDescription)")
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
                throw LogError.malformedEvent(file: file, offset: record.offset, reason: failure.reason)
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
