/// Why a study could not run.
public enum TuningError: Error, Equatable, CustomStringConvertible {
    case workers(Int)
    case trials(Int)
    case heartbeat(Double)
    /// The data leave no validation set, and a trial's value is its validation loss.
    case noValidation

    public var description: String {
        switch self {
        case .workers(let n): "--workers must be at least 1 (got \(n))"
        case .trials(let n): "--trials must be at least 1 (got \(n))"
        case .heartbeat(let seconds): "the heartbeat interval must be a positive number of seconds (got \(seconds))"
        case .noValidation:
            "a study needs validation data, as a trial's value is its validation loss: give --validation-data or a --validation-split above 0"
        }
    }
}
