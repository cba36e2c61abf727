import Foundation

/// Runs blocking `work` on a thread of its own and awaits its result, so CPU-bound work (a
/// training run, a range test, a long schedule) never holds one of the few threads that serve
/// every other request. `background` work also runs at a lower priority (`WorkerPriority`).
func offServer<T: Sendable>(background: Bool = false, _ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        let thread = Thread {
            if background { WorkerPriority.lower() }
            continuation.resume(returning: work())
        }
        thread.stackSize = 4 << 20
        thread.start()
    }
}

/// `offServer` for work that throws: the error comes back to the awaiting request.
func offServerThrowing<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await offServer { () -> Result<T, any Error> in Result { try work() } }.get()
}
