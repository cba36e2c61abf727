import Foundation
import GoldilocksLogs

/// The runs under the folder given to `--logdir`, and nothing else: a request names a run by the
/// name this listing gave it, never by a path, and a run whose real path (symbolic links
/// resolved) leaves the folder is not listed.
public struct RunDirectory: Sendable {
    /// The folder, as given.
    public let root: String
    private let realRoot: String

    /// The runs of `root`.
    public init(root: String) {
        self.root = root
        realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// Every run under the folder (goldilocks run folders, TensorBoard folders, CSV and JSON-lines
    /// logs), in name order; none when the folder holds no logs yet.
    public func runs() -> [LogRun] {
        guard let found = try? LossLog.runs(at: root) else { return [] }
        return found.filter { isInside($0.path) }
    }

    /// The run listed under `name`, or nil.
    public func run(named name: String) -> LogRun? {
        runs().first { $0.name == name }
    }

    private func isInside(_ path: String) -> Bool {
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        return real == realRoot || real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
    }

    /// The run's files with their sizes and modification times (a few levels deep), for telling
    /// that it changed and for refusing one too large to read.
    static func files(of run: LogRun) -> [(path: String, size: Int, modified: Double)] {
        let url = URL(fileURLWithPath: run.path)
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return [] }
        let urls: [URL]
        if isDirectory.boolValue {
            let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
            var found: [URL] = []
            while let next = walker?.nextObject() as? URL, found.count < 10_000 {
                if walker?.level ?? 0 > 3 { walker?.skipDescendants() }
                found.append(next)
            }
            urls = found
        } else {
            urls = [url]
        }
        return urls.compactMap { file in
            guard let values = try? file.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { return nil }
            return (file.path, values.fileSize ?? 0, values.contentModificationDate?.timeIntervalSince1970 ?? 0)
        }.sorted { $0.path < $1.path }
    }

    /// A value that changes whenever the run's files do (a file grows, appears or is rewritten).
    static func fingerprint(of run: LogRun) -> String {
        files(of: run).map { "\($0.path):\($0.size):\($0.modified)" }.joined(separator: "|")
    }
}
