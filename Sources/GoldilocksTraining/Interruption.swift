/// Stops a run between two steps when `shouldStop` says so: the hook for Ctrl-C, a deadline or
/// a stop button.
///
/// `shouldStop` is asked after every step and every epoch, on the training task; it must be
/// cheap and must not allocate (an atomic load is the intended shape: the training step
/// allocates nothing, and this check runs inside it). The run then ends as any stopped run does:
/// callbacks see `runEnded`, logs are flushed, and the summary's `stoppedEarly` reads
/// "interrupted at step N of M" (N steps done).
///
/// ```swift
/// let stop = Atomic<Bool>(false)  // set from another thread
/// let interruption = Interruption { stop.load(ordering: .relaxed) }
/// let summary = trainer.fit(data, epochs: 10, batchSize: 32, generator: &rng, callbacks: [interruption])
/// ```
public final class Interruption: TrainingCallback {
    private let shouldStop: () -> Bool
    private var totalSteps = 0
    /// The steps done when the run stopped, or nil when it was not interrupted.
    public private(set) var stepsDone: Int?

    /// Stops the run once `shouldStop` returns true.
    public init(when shouldStop: @escaping () -> Bool) {
        self.shouldStop = shouldStop
    }

    /// Whether the run was interrupted.
    public var interrupted: Bool { stepsDone != nil }

    public func runStarted(totalSteps: Int, epochs: Int) { self.totalSteps = totalSteps }

    public func stepEnded(_ record: StepRecord) -> TrainingDecision { check(stepsDone: record.step + 1) }

    public func epochEnded(_ record: EpochRecord) -> TrainingDecision { check(stepsDone: record.step + 1) }

    private func check(stepsDone steps: Int) -> TrainingDecision {
        // Once asked, it stays asked: a restore another callback chose for the same step must
        // not swallow the stop.
        guard stepsDone != nil || shouldStop() else { return .continue }
        stepsDone = steps
        return .stop(reason: "interrupted at step \(steps) of \(totalSteps)")
    }
}
