import Foundation

/// Prints a value as one line of JSON (see `jsonString`).
func printJSON<T: Encodable>(_ value: T) throws {
    print(try jsonString(value))
}

/// A value as one line of JSON with sorted keys, numbers in their shortest round-trip form.
func jsonString<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // JSON has no NaN or infinity; a diverged run's figures print as these strings rather than fail.
    encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// A number for people: up to four significant digits, scientific when very small or large.
func formatted(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    let magnitude = abs(value)
    if magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e5) { return String(format: "%.3g", value) }
    return String(format: "%.4g", value)
}

/// Left-aligned text columns with two spaces between them.
func table(_ rows: [[String]]) -> String {
    guard let columns = rows.map(\.count).max() else { return "" }
    let widths = (0..<columns).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
    return rows.map { row in
        row.enumerated().map { c, cell in c == row.count - 1 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
            .joined(separator: "  ")
    }.joined(separator: "\n")
}

/// Writes `text` to `path` through a temporary file and a rename, so a reader never sees half a file.
///
/// - Parameter option: the option that named the file, for the message when the write fails.
func writeAtomically(_ text: String, to path: String, option: String? = nil) throws {
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        throw OutputError(option: option, path: path, reason: reason(error))
    }
}

/// Checks, before any work, that a file can be written at `path`: it is not a folder, and its
/// folder exists and takes a new file (tried with a probe file, removed at once, next to where
/// `writeAtomically` puts its temporary file). A run must not train for minutes and then lose
/// its result to a mistyped path.
func checkWritable(_ path: String, option: String) throws {
    let url = URL(fileURLWithPath: path)
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    if manager.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
        throw OutputError(option: option, path: path, reason: "it is a folder; give a file name")
    }
    let folder = url.deletingLastPathComponent()
    guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw OutputError(option: option, path: path, reason: "the folder \(folder.path) does not exist")
    }
    let probe = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).check").path
    let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
        throw OutputError(option: option, path: path, reason: "cannot create a file in \(folder.path): \(String(cString: strerror(errno)))")
    }
    close(descriptor)
    unlink(probe)
}

/// An output file that cannot be written, naming the option, the file and why.
struct OutputError: Error, CustomStringConvertible {
    let option: String?
    let path: String
    let reason: String

    var description: String { "\(option.map { "\($0) " } ?? "")\(path): \(reason)" }
}

/// The operating system's reason inside a Foundation error ("Permission denied"), else its description.
private func reason(_ error: any Error) -> String {
    let error = error as NSError
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
        return String(cString: strerror(Int32(underlying.code)))
    }
    return error.localizedDescription
}
