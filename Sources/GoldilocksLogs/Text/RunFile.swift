import Foundation

/// Writes `run.json` (or any JSON file) atomically: a temporary file in the same folder, then a
/// rename, so a reader sees the old file or the new one, never half of one.
public enum RunFile {
    /// Encodes `configuration` as pretty, key-sorted JSON and atomically replaces `url` with it.
    public static func write(_ configuration: some Encodable, to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data: Data
        do {
            data = try encoder.encode(configuration) + Data("\n".utf8)
        } catch {
            throw LogError.io(path: url.path, reason: "cannot encode the configuration: \(error)")
        }
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: temporary)
        } catch {
            throw LogError.io(path: temporary.path, reason: "cannot write: \(error.localizedDescription)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw LogError.io(path: url.path, reason: "cannot replace: \(reason)")
        }
    }
}
