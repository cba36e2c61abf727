import Dispatch
import Foundation

/// Buffers shorter than this are updated on one core: below it, waking a second costs more
/// than it saves (measured on the 784-256-128-10 benchmark's 235k parameters).
let parallelThreshold = 1 << 16

/// Runs `job` over `0..<count`: in two halves on two cores for large counts (one on the calling
/// thread, one on `HelperThread`), in one piece otherwise or when the helper is taken.
@inline(__always)
func runSplit(_ job: AdamFloatJob, count: Int) {
    // The split is aligned to 64 elements, keeping the first half on whole SIMD lanes and cache lines.
    let split = (count / 2) & ~63
    if count < parallelThreshold || !HelperThread.shared.run(job, split: split, count: count) {
        job.run(start: 0, length: count)
    }
}

/// One thread, started on first use, that runs the second half of an update while the caller
/// runs the first.
///
/// Written by hand because `DispatchQueue.concurrentPerform` copies its closure to the heap on
/// every call, and an optimizer step must not allocate: the job is a plain struct, handed over
/// with two semaphores. A caller arriving while the helper is busy (runs training in parallel)
/// does its whole update itself.
final class HelperThread: @unchecked Sendable {  // `job` and `range` are guarded by `busy` and the semaphores
    static let shared = HelperThread()

    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let busy = NSLock()
    private var job: AdamFloatJob?
    private var range = (start: 0, length: 0)

    private init() {
        let thread = Thread { [unowned self] in
            while true {
                wake.wait()
                job?.run(start: range.start, length: range.length)
                finished.signal()
            }
        }
        thread.name = "goldilocks-optimizer"
        thread.start()
    }

    /// Runs the first `split` elements here and the rest on the helper, returning when both are
    /// done; false (having run nothing) when another caller holds the helper.
    func run(_ job: AdamFloatJob, split: Int, count: Int) -> Bool {
        guard busy.try() else { return false }
        defer { busy.unlock() }
        self.job = job
        range = (split, count - split)
        wake.signal()
        job.run(start: 0, length: split)
        finished.wait()
        return true
    }
}
