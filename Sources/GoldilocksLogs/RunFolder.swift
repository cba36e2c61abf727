#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A run's log folder, claimed by one run for as long as it writes there.
///
/// Claiming creates the folder if needed and takes an advisory lock (`flock(2)`) on
/// `.goldilocks.lock` inside it. A second run that tries to claim the folder while the lock is
/// held is refused, whatever it asks: two runs appending to the same files make a log no reader
/// can trust. The operating system drops the lock when the process ends however it ends, so a
/// killed run never leaves a stale lock behind (the lock file itself stays, harmless).
///
/// A folder that holds an earlier run's files (`run.json`, `metrics.*`, `epochs.*`, TensorBoard
/// event files) is refused too, unless `replacing` is set: then exactly those files are removed,
/// so the new run's logs are not appended to the old ones. Other files in the folder are left
/// alone.
public final class RunFolder {
    /// The folder.
    public let url: URL
    private var descriptor: Int32

    /// The lock file's name inside a run folder.
    public static let lockFileName = ".goldilocks.lock"

    /// Claims `url` for one run; see the type's documentation for what is refused.
    public init(claiming url: URL, replacing: Bool = false) throws(RunFolderError) {
        self.url = url
        let path = url.path
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw RunFolderError.notAFolder(path: path)
        }
        try Self.makeFolders(url)
        // Creating the lock file is also the check that the folder can be written to, before any work.
        let lockPath = url.appendingPathComponent(Self.lockFileName).path
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw RunFolderError.cannotCreate(
                path: path, reason: "cannot create \(Self.lockFileName) in it: \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let owner = Self.owner(fd)
            close(fd)
            if code == EWOULDBLOCK || code == EAGAIN { throw RunFolderError.inUse(path: path, process: owner) }
            throw RunFolderError.cannotLock(path: path, reason: String(cString: strerror(code)))
        }
        descriptor = fd
        // Who holds the lock, for the message another run shows; best effort.
        let pid = Array("\(getpid())\n".utf8)
        if ftruncate(fd, 0) == 0 { _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) } }

        let earlier = ((try? manager.contentsOfDirectory(atPath: path)) ?? []).filter(Self.isRunFile).sorted()
        guard !earlier.isEmpty else { return }
        guard replacing else {
            release()
            throw RunFolderError.holdsRun(path: path, files: earlier)
        }
        for name in earlier {
            do {
                try manager.removeItem(at: url.appendingPathComponent(name))
            } catch {
                release()
                throw RunFolderError.cannotReplace(path: path, file: name, reason: Self.reason(error))
            }
        }
    }

    deinit { release() }

    /// Whether the folder is claimed by this value (until `release()`).
    public var isClaimed: Bool { descriptor >= 0 }

    /// Gives the folder up: another run may claim it from now on.
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)  // closing the descriptor drops the flock
        descriptor = -1
    }

    /// Whether `name` is one of the files a run writes into its folder.
    public static func isRunFile(_ name: String) -> Bool {
        ["run.json", "metrics.csv", "metrics.jsonl", "epochs.csv", "epochs.jsonl"].contains(name)
            || name.hasPrefix("events.out.tfevents.")
    }

    /// The process id the lock file names, if it names one.
    private static func owner(_ fd: Int32) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Creates `url` and the folders above it with mkdir(2), so a failure says which folder and
    /// the operating system's reason ("Permission denied"), not a generic Foundation message.
    private static func makeFolders(_ url: URL) throws(RunFolderError) {
        var prefix = ""
        // A file URL is absolute (a relative path is resolved against the working folder).
        for component in url.standardizedFileURL.path.split(separator: "/") {
            prefix += "/" + component
            guard mkdir(prefix, 0o755) != 0 else { continue }
            let code = errno
            var isDirectory: ObjCBool = false
            if code == EEXIST, FileManager.default.fileExists(atPath: prefix, isDirectory: &isDirectory), isDirectory.boolValue {
                continue
            }
            let reason = code == EEXIST ? " is a file, not a folder" : ": " + String(cString: strerror(code))
            throw RunFolderError.cannotCreate(path: url.path, reason: prefix + reason)
        }
    }

    private static func reason(_ error: any Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return (error as NSError).localizedDescription
    }
}

/// A log folder a run cannot have, naming the folder and what to do.
public enum RunFolderError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The path is a file.
    case notAFolder(path: String)
    /// The folder cannot be made (`reason` is the system's).
    case cannotCreate(path: String, reason: String)
    /// The folder's lock cannot be taken for a reason other than another run holding it.
    case cannotLock(path: String, reason: String)
    /// Another live run (`process`, when known) is writing to the folder.
    case inUse(path: String, process: Int?)
    /// The folder holds an earlier run's `files`, and replacing them was not asked for.
    case holdsRun(path: String, files: [String])
    /// The earlier run's `file` cannot be removed.
    case cannotReplace(path: String, file: String, reason: String)

    /// What is wrong and what to do.
    public var description: String {
        switch self {
        case let .notAFolder(path):
            return "\(path) is a file, not a folder: give the log folder another name"
        case let .cannotCreate(path, reason):
            return "cannot make the log folder \(path) (\(reason)): choose a folder you can write to"
        case let .cannotLock(path, reason):
            return "cannot lock the log folder \(path): \(reason)"
        case let .inUse(path, process):
            let who = process.map { "another run (process \($0))" } ?? "another run"
            return "\(who) is writing to the log folder \(path): wait for it to end or choose another folder"
        case let .holdsRun(path, files):
            return "the log folder \(path) already holds a run (\(files.joined(separator: ", "))): "
                + "choose a new folder, or replace that run with --overwrite"
        case let .cannotReplace(path, file, reason):
            return "cannot remove \(file) of the earlier run in \(path): \(reason)"
        }
    }
}
