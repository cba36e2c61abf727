import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A job for `PairedThread`: a C function pointer called with a pointer to the caller's own
/// context and which half to do (0 or 1). No closure, so handing it over allocates nothing.
package typealias HalfJob = @convention(c) (UnsafeRawPointer, Int) -> Void

/// A second thread for splitting hot loops in two: the caller does half 0, the helper half 1.
///
/// Between jobs the helper spins for at most a millisecond before it sleeps, so during training,
/// where a job comes every few microseconds, handing one over costs an atomic store rather than
/// a system call; after a pause it sleeps on a semaphore and costs nothing. Written by hand because
/// `DispatchQueue.concurrentPerform` copies its closure to the heap on every call, and a
/// training step must not allocate. A caller that finds the helper busy (training runs in
/// parallel), or not yet started on its half when its own half is done (a busy machine that has
/// not given the helper a core), does both halves itself; waiting threads yield their core.
/// `SecondCore.isEnabled` switches it off. Package-level: only the kernels hand it raw pointers.
package final class PairedThread: @unchecked Sendable {  // `job` and `context` are handed over through `state`
    /// The process's helper, started on first use.
    package static let shared = PairedThread()

    private enum State: Int {
        case spinning = 0, posted = 1, sleeping = 2, done = 3, running = 4
    }

    private let state = Atomic<Int>(State.spinning.rawValue)
    private let wake = DispatchSemaphore(value: 0)
    private let owner = NSLock()
    private var job: HalfJob?
    private var context: UnsafeRawPointer?

    /// Whether there is a second core to pair with at all.
    static let hasSecondCore = ProcessInfo.processInfo.activeProcessorCount >= 2

    /// Whether jobs are split (`SecondCore.isEnabled`): `GOLDILOCKS_THREADS=1` starts it off.
    static let enabled = Atomic<Bool>(hasSecondCore && ProcessInfo.processInfo.environment["GOLDILOCKS_THREADS"] != "1")

    /// How long the helper looks for a next job before it sleeps: longer than the gaps between the
    /// jobs of a training step, short enough that an idle process costs nothing.
    private static let idleSpin = Duration.milliseconds(1)

    /// Spins before a waiting thread yields its core: on a busy machine the other thread may need
    /// this very core to finish, and a spin that never yields would wait out whole time slices.
    private static let spinsBeforeYield = 2_000

    private init() {
        let thread = Thread { [unowned self] in self.serve() }
        thread.name = "goldilocks-helper"
        thread.start()
    }

    /// Runs `job(context, 0)` here and `job(context, 1)` on the helper, returning when both are
    /// done; with the helper taken, runs both here.
    package func run(_ job: HalfJob, context: UnsafeRawPointer) {
        // Both threads spin while they wait for each other, so with one core there is no pair.
        guard Self.enabled.load(ordering: .relaxed), owner.try() else {
            job(context, 0)
            job(context, 1)
            return
        }
        defer { owner.unlock() }
        self.job = job
        self.context = context
        // Post the job: a spinning helper sees it at once; a sleeping one is woken.
        if state.exchange(State.posted.rawValue, ordering: .acquiringAndReleasing) == State.sleeping.rawValue {
            wake.signal()
        }
        job(context, 0)
        // The helper may not have been given a core yet (a busy machine): then this thread takes
        // its half back and does it too, rather than wait for the helper to be scheduled.
        if state.compareExchange(
            expected: State.posted.rawValue, desired: State.spinning.rawValue, ordering: .acquiringAndReleasing
        ).exchanged {
            job(context, 1)
            return
        }
        var spins = 0
        while state.load(ordering: .acquiring) != State.done.rawValue {
            spins += 1
            if spins > Self.spinsBeforeYield { sched_yield() }
        }
        state.store(State.spinning.rawValue, ordering: .releasing)
    }

    private func serve() {
        let clock = ContinuousClock()
        while true {
            var spins = 0
            var lastJob = clock.now
            // Take a posted job (the caller may take it back first).
            while !(state.load(ordering: .relaxed) == State.posted.rawValue
                && state.compareExchange(
                    expected: State.posted.rawValue, desired: State.running.rawValue, ordering: .acquiringAndReleasing
                ).exchanged)
            {
                spins += 1
                if spins > Self.spinsBeforeYield { sched_yield() }
                // Idle for a while (the clock read every 256 looks): sleep until the next job is posted.
                if spins & 255 == 0, clock.now - lastJob > Self.idleSpin,
                    state.compareExchange(
                        expected: State.spinning.rawValue, desired: State.sleeping.rawValue,
                        ordering: .acquiringAndReleasing
                    ).exchanged
                {
                    wake.wait()
                    spins = 0
                    lastJob = clock.now
                }
            }
            job!(context!, 1)  // posted only with both set
            state.store(State.done.rawValue, ordering: .releasing)
        }
    }
}
