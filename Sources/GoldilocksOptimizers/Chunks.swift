#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Dispatch

/// Buffers shorter than this are updated on one core: below it, waking a second costs more
/// than it saves (measured on the 784-256-128-10 benchmark's 235k parameters).
let parallelThreshold = 1 << 16

/// Calls `body(start, length)` for contiguous chunks covering `0..<count`: one chunk per core
/// for large counts, a single chunk otherwise.
@inline(__always)
func forEachChunk(count: Int, _ body: (Int, Int) -> Void) {
    let cores = count >= parallelThreshold ? processorCount : 1
    if cores == 1 { return body(0, count) }
    // Chunks aligned to 64 elements keep every chunk but the last on whole SIMD lanes and cache lines.
    let size = ((count + cores - 1) / cores + 63) & ~63
    withoutActuallyEscaping(body) { body in
        // Each chunk touches its own disjoint range of the buffers the body captures.
        nonisolated(unsafe) let body = body
        DispatchQueue.concurrentPerform(iterations: cores) { chunk in
            let start = chunk * size
            if start < count { body(start, min(size, count - start)) }
        }
    }
}

/// The cores this process may use (at most 8: the update is memory-bound beyond that).
let processorCount = min(8, max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
