/// Why a study storage refused a call.
public enum StudyStorageError: Error, Equatable, CustomStringConvertible {
    /// The storage URL is neither `sqlite:PATH` nor `postgresql://…`, or is malformed.
    case badURL(String, reason: String)
    /// The database could not be opened or reached.
    case unreachable(String, reason: String)
    /// The database holds tables that are not Optuna's schema v3.2.0.a (another program's, or
    /// another Optuna version's).
    case unsupportedSchema(found: String)
    /// A study of this name exists with other settings.
    case definitionDiffers(study: String, differences: [String])
    /// No study of this name; the names there are.
    case noSuchStudy(String, existing: [String])
    /// The study was made by Optuna or another tool, without a Goldilocks definition.
    case notAGoldilocksStudy(String)
    /// The trial (by its number in the study) is not RUNNING any more: its worker was presumed
    /// dead and it was failed, or it was finished already.
    case notRunning(trial: Int, state: TrialState)
    /// A sampled parameter does not fit the study's search space (a sampler's mistake).
    case badParameter(name: String, reason: String)
    /// A trial cannot end this way (trial id; a complete trial without a value, say).
    case badValue(trial: Int, reason: String)
    /// The database answered with an error.
    case database(String)

    public var description: String {
        switch self {
        case .badURL(let url, let reason):
            "bad storage URL \(url): \(reason) (use sqlite:PATH or postgresql://user@host:port/database)"
        case .unreachable(let url, let reason): "cannot open the study storage \(url): \(reason)"
        case .unsupportedSchema(let found):
            "the database is not in Optuna's schema v3.2.0.a (found \(found)); use a new file or database"
        case .definitionDiffers(let study, let differences):
            "study \(study) exists with other settings: \(differences.joined(separator: "; ")); use another --study name or the same settings"
        case .noSuchStudy(let name, let existing):
            existing.isEmpty
                ? "no study \(name): the storage holds no studies"
                : "no study \(name); the storage holds: \(existing.joined(separator: ", "))"
        case .notAGoldilocksStudy(let name):
            "study \(name) was not made by goldilocks tune (it has no goldilocks definition)"
        case .notRunning(let trial, let state): "trial \(trial) is \(state.rawValue), not running"
        case .badParameter(let name, let reason): "parameter \(name): \(reason)"
        case .badValue(let trial, let reason): "trial id \(trial): \(reason)"
        case .database(let message): "study storage: \(message)"
        }
    }
}
