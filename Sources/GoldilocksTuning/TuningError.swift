/// Why a study could not run.
public enum TuningError: Error, Equatable, CustomStringConvertible {
    case workers(Int)
    case trials(Int)
    case heartbeat(Double)

    public var description: String {
        switch self {
        case .workers(let n): "--workers must be at least 1 (got \(n))"
        case .trials(let n): "--trials must be at least 1 (got \(n))"
        case .heartbeat(let seconds): "the heartbeat interval must be a positive number of seconds (got \(seconds))"
        }
    }
}
