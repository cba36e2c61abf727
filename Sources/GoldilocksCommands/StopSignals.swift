#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The signal that asked the running command to stop (SIGINT or SIGTERM), 0 while none has.
///
/// Global because a signal handler is a C function and can reach nothing else; an atomic
/// because the handler writes it while the training thread reads it between steps (an atomic
/// store is async-signal-safe, a lock or an allocation is not).
private let stopSignal = Atomic<Int32>(0)

/// Ctrl-C (SIGINT) and SIGTERM, turned from "die now" into "stop at the next step boundary":
/// the first signal sets a flag the trainer reads between steps, so the logs are flushed and
/// the summary printed; the handler then puts the default action back, so a second signal ends
/// the process at once.
enum StopSignals {
    /// Installs the handlers; until `uninstall()` the first SIGINT or SIGTERM only sets the flag.
    static func install() {
        stopSignal.store(0, ordering: .relaxed)  // also initialises the global before any handler runs
        for signo in [SIGINT, SIGTERM] {
            _ = signal(signo) { signo in
                stopSignal.store(signo, ordering: .relaxed)
                _ = signal(signo, SIG_DFL)  // async-signal-safe (POSIX); the next one kills
            }
        }
    }

    /// Puts the default actions back.
    static func uninstall() {
        for signo in [SIGINT, SIGTERM] { _ = signal(signo, SIG_DFL) }
    }

    /// The signal received since `install()`, or nil. Allocation-free: the trainer asks after
    /// every step.
    static var received: Int32? {
        let signo = stopSignal.load(ordering: .relaxed)
        return signo == 0 ? nil : signo
    }
}
