/// A trial of a learning-rate study as Optuna users know it: its number, state, parameters, value
/// and the intermediate values its pruner read.
public struct StudyTrial: Sendable, Equatable, Codable {
    /// Optuna's trial states, as `goldilocks study --format json` writes them.
    public enum State: String, Sendable, Codable, CaseIterable {
        case running, complete, pruned, failed
    }

    /// The trial's number, from 0 within its study.
    public var number: Int
    public var state: State
    /// The sampled parameters; `lr` is the learning rate.
    public var params: [String: Double]
    /// The objective (the validation loss); nil until the trial completes, or when it failed.
    public var value: Double?
    /// The value reported at each step (epoch), in step order.
    public var intermediateValues: [IntermediateValue]

    /// One reported value.
    public struct IntermediateValue: Sendable, Equatable, Codable {
        public var step: Int
        public var value: Double

        public init(step: Int, value: Double) {
            self.step = step
            self.value = value
        }
    }

    /// A trial.
    public init(number: Int, state: State, params: [String: Double], value: Double?, intermediateValues: [IntermediateValue] = []) {
        self.number = number
        self.state = state
        self.params = params
        self.value = value
        self.intermediateValues = intermediateValues
    }

    /// The learning rate, when the study sampled one.
    public var learningRate: Double? { params["lr"] }
}

/// Where the studies view reads studies from: the tuning module's storage (Optuna's schema in
/// SQLite or PostgreSQL) adapts to this, and tests use `InMemoryStudyBrowser`.
///
/// The dashboard only reads; each call may hit a database, so it is `async` and may throw (the
/// error's description is shown to the user).
public protocol StudyBrowser: Sendable {
    /// The studies' names, in the order to list them.
    func studyNames() async throws -> [String]
    /// The trials of the study named `study`, by number; throws when there is no such study.
    func trials(of study: String) async throws -> [StudyTrial]
}

/// Studies held in memory: for tests, and for showing a study a program has just run.
public struct InMemoryStudyBrowser: StudyBrowser {
    /// The studies by name.
    public var studies: [String: [StudyTrial]]

    /// Thrown for a study that is not there.
    public struct UnknownStudy: Error, CustomStringConvertible {
        public var name: String
        public var description: String { "no study named \"\(name)\"" }
    }

    public init(studies: [String: [StudyTrial]]) {
        self.studies = studies
    }

    public func studyNames() async throws -> [String] { studies.keys.sorted() }

    public func trials(of study: String) async throws -> [StudyTrial] {
        guard let trials = studies[study] else { throw UnknownStudy(name: study) }
        return trials.sorted { $0.number < $1.number }
    }
}
