import Foundation
import GoldilocksSpec

/// Reads a `--spec`/`--optimizer`/`--schedule` argument: inline JSON, or the path of a .json file.
func readSpec(_ argument: String) throws -> Spec {
    let trimmed = argument.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.hasPrefix("{") { return try Spec(json: trimmed) }
    guard FileManager.default.fileExists(atPath: trimmed) else {
        throw SpecError.notASpec(argument: argument)
    }
    let text = try String(contentsOfFile: trimmed, encoding: .utf8)
    do {
        return try Spec(json: text)
    } catch {
        throw SpecError.inFile(path: trimmed, error: error)
    }
}

/// Reads an optimizer argument: a bare name such as `adam` (the library's defaults), inline
/// JSON, or a .json file.
func readOptimizerSpec(_ argument: String) throws -> Spec {
    let trimmed = argument.trimmingCharacters(in: .whitespacesAndNewlines)
    if !trimmed.hasPrefix("{") && !trimmed.hasSuffix(".json") && !trimmed.contains("/") { return Spec(name: trimmed) }
    return try readSpec(trimmed)
}
