import Synchronization

/// Counts the heavy jobs (playground runs, range tests) working at once and refuses more than the
/// limit, so that they cannot take every core from the requests that only read.
final class WorkLimiter: Sendable {
    private let active = Mutex(0)
    let limit: Int

    init(limit: Int) { self.limit = max(1, limit) }

    /// Takes a slot, or returns false when all are taken; `release()` gives it back.
    func tryAcquire() -> Bool {
        active.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func release() { active.withLock { $0 -= 1 } }
}
