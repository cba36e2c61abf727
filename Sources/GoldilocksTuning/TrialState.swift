/// Where a trial stands, with Optuna's names for the states (its `trials.state` column).
public enum TrialState: String, Sendable, Codable, CaseIterable {
    /// A worker is training it and keeps its heartbeat.
    case running
    /// Trained to the end; its value is its best validation loss.
    case complete
    /// Stopped early by the pruner; counts against the budget like a complete trial.
    case pruned
    /// Its worker died (missed heartbeats) or it raised; another worker runs its parameters again
    /// and it does not count against the budget.
    case failed
    /// Queued to run (a failed trial's retry), not yet claimed.
    case waiting

    /// Optuna's spelling in the `trials.state` column.
    public var optunaName: String {
        switch self {
        case .running: "RUNNING"
        case .complete: "COMPLETE"
        case .pruned: "PRUNED"
        case .failed: "FAIL"
        case .waiting: "WAITING"
        }
    }

    /// The state Optuna's column spells `name`, or nil.
    public init?(optunaName name: String) {
        guard let state = Self.allCases.first(where: { $0.optunaName == name }) else { return nil }
        self = state
    }

    /// Whether the trial is done and counts against the study's budget.
    public var isFinished: Bool { self == .complete || self == .pruned }
}
