import Synchronization

/// The state of one playground run as it is computed: every step kept, and the verdict once the
/// run is over.
public struct PlaygroundRun: Sendable, Equatable, Encodable {
    /// The run's learning rate.
    public var learningRate: Double
    /// The steps done so far and their losses (step 0 is the start on a function).
    public var steps: [Int] = []
    public var losses: [Double] = []
    /// The path on a 2-D function (empty otherwise).
    public var path: [[Double]] = []
    /// The steps at which the guard rescued the run (data sets).
    public var rescues: [Int] = []
    /// The verdict's key (`too_small`, `healthy`, …) and its words, once the run is over.
    public var verdict: String?
    public var label: String?
    /// What to do about the learning rate.
    public var fix: String?
    /// Whether the run is over.
    public var finished = false

    enum CodingKeys: String, CodingKey {
        case learningRate = "lr", verdict, label, fix, finished, rescues
        case stepCount = "step_count", lastLoss = "last_loss"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(learningRate, forKey: .learningRate)
        try c.encodeIfPresent(verdict, forKey: .verdict)
        try c.encodeIfPresent(label, forKey: .label)
        try c.encodeIfPresent(fix, forKey: .fix)
        try c.encode(finished, forKey: .finished)
        try c.encode(rescues, forKey: .rescues)
        try c.encode(steps.count, forKey: .stepCount)
        try c.encode(losses.last.flatMap { $0.isFinite ? $0 : nil }, forKey: .lastLoss)
    }
}

/// Where a playground's workers put their steps and the server reads them: shared between the
/// worker threads and the request that streams them, behind a lock.
public final class PlaygroundProgress: Sendable {
    private struct State {
        var runs: [PlaygroundRun]
        var version = 0
        var finished = false
        var cancelled = false
        var failure: String?
    }

    private let state: Mutex<State>

    /// Progress for runs at `learningRates`, none started.
    public init(learningRates: [Double]) {
        state = Mutex(State(runs: learningRates.map { PlaygroundRun(learningRate: $0) }))
    }

    /// A copy of the runs so far, a counter that changes with every update, and whether all is over.
    public func snapshot() -> (runs: [PlaygroundRun], version: Int, finished: Bool, failure: String?) {
        state.withLock { ($0.runs, $0.version, $0.finished, $0.failure) }
    }

    /// Stops the workers at their next step (the page went away).
    public func cancel() { state.withLock { $0.cancelled = true } }

    /// Whether `cancel()` was called.
    public var isCancelled: Bool { state.withLock { $0.cancelled } }

    func append(run: Int, steps: some Sequence<(step: Int, loss: Double, position: [Double]?)>) {
        state.withLock { s in
            for point in steps {
                s.runs[run].steps.append(point.step)
                s.runs[run].losses.append(point.loss)
                if let position = point.position { s.runs[run].path.append(position) }
            }
            s.version += 1
        }
    }

    func rescued(run: Int, atStep step: Int) {
        state.withLock { s in
            s.runs[run].rescues.append(step)
            s.version += 1
        }
    }

    func finish(run: Int, verdict: String, label: String, fix: String) {
        state.withLock { s in
            s.runs[run].verdict = verdict
            s.runs[run].label = label
            s.runs[run].fix = fix
            s.runs[run].finished = true
            s.version += 1
        }
    }

    func finishAll(failure: String? = nil) {
        state.withLock { s in
            s.finished = true
            s.failure = failure
            s.version += 1
        }
    }
}
