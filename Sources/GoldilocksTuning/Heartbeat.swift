import Foundation
import Synchronization

/// Beats for every trial this process is training, on a thread of its own, so a trial that is
/// slow but alive (a long epoch, a busy machine) never misses its heartbeat: the beat does not
/// wait for training to reach a step boundary.
final class Heartbeat: Sendable {
    private let storage: any StudyStorage
    private let interval: Double
    private let state = Mutex<(trials: Set<Int>, stopped: Bool)>(([], false))
    private let wake = NSCondition()

    /// Starts beating every `interval` seconds for the trials added.
    init(storage: any StudyStorage, interval: Double) {
        self.storage = storage
        self.interval = interval
        let thread = Thread { [self] in beat() }
        thread.name = "goldilocks-heartbeat"
        thread.start()
    }

    func add(_ trial: Int) { state.withLock { _ = $0.trials.insert(trial) } }
    func remove(_ trial: Int) { state.withLock { _ = $0.trials.remove(trial) } }

    /// Ends the thread after its current beat.
    func stop() {
        state.withLock { $0.stopped = true }
        wake.lock()
        wake.signal()
        wake.unlock()
    }

    private func beat() {
        while true {
            wake.lock()
            _ = wake.wait(until: Date(timeIntervalSinceNow: interval))
            wake.unlock()
            let (trials, stopped) = state.withLock { ($0.trials, $0.stopped) }
            if stopped { return }
            for trial in trials {
                // A trial failed by another worker answers notRunning; its worker learns that
                // when it reports, so a beat that fails is simply skipped.
                try? storage.heartbeat(trial: trial)
            }
        }
    }
}
