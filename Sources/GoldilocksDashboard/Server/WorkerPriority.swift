import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lowers the calling thread's scheduling priority (nice 10), for the threads that train and
/// walk the playground's runs: on a busy machine the threads that answer requests come first, so
/// the page and the API stay responsive while a run is going. A no-op where it is not supported.
enum WorkerPriority {
    static func lower() {
        #if os(Linux)
        // Linux's nice is per thread, addressed by the thread's id, read from /proc/thread-self.
        guard let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self"),
            let tid = link.split(separator: "/").last.flatMap({ UInt32($0) })
        else { return }
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(tid), 10)
        #endif
    }
}
