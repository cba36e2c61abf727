import GoldilocksCore

/// Buffers shorter than this are updated on one core: below it, handing half to the paired
/// thread costs more than it saves (measured on the 784-256-128-10 benchmark's 235k parameters).
let parallelThreshold = 1 << 16

/// Runs `job` over its whole buffer: in two halves on two cores for large buffers (the caller
/// and `PairedThread`), in one piece otherwise.
@inline(__always)
func runSplit(_ job: AdamFloatJob) {
    guard job.count >= parallelThreshold else { return job.run(half: nil) }
    withUnsafePointer(to: job) { context in
        PairedThread.shared.run(
            { context, half in context.assumingMemoryBound(to: AdamFloatJob.self).pointee.run(half: half) },
            context: UnsafeRawPointer(context))
    }
}
