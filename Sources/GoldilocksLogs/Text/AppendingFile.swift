import Foundation

/// A file opened for appending; every `write` goes straight to the operating system, so a killed
/// process loses at most the write in flight.
final class AppendingFile {
    let url: URL
    private let handle: FileHandle

    /// Opens `url` for appending, creating it (and its folder) if needed.
    init(_ url: URL) throws {
        self.url = url
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !manager.fileExists(atPath: url.path) {
                guard manager.createFile(atPath: url.path, contents: nil) else {
                    throw LogError.io(path: url.path, reason: "cannot create the file")
                }
            }
            handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
        } catch let error as LogError {
            throw error
        } catch {
            throw LogError.io(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Whether the file was empty when opened or is still empty.
    var isEmpty: Bool {
        ((try? handle.offset()) ?? 0) == 0
    }

    /// Appends `bytes` (an unbuffered write).
    func write<Bytes: Sequence<UInt8>>(_ bytes: Bytes) throws {
        do {
            try handle.write(contentsOf: Data(bytes))
        } catch {
            throw LogError.io(path: url.path, reason: "write failed: \(error.localizedDescription)")
        }
    }

    /// Appends UTF-8 text.
    func write(_ text: String) throws { try write(Array(text.utf8)) }

    /// Flushes to disk and closes.
    func close() throws {
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw LogError.io(path: url.path, reason: "close failed: \(error.localizedDescription)")
        }
    }
}
