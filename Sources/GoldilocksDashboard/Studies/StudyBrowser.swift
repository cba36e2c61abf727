import Foundation

/// A trial of a learning-rate study as Optuna users know it: its number, state, parameters, value
/// and the intermediate values its pruner read.
public struct StudyTrial: Sendable, Equatable, Codable {
    /// Optuna's trial states, as `goldilocks study --format json` writes them.
    public enum State: String, Sendable, Codable, CaseIterable {
        case running, complete, pruned, failed
    }

    /// The trial's number, from 0 within its study.
    public var number: Int
    /// Whether it runs, completed, was pruned or failed.
    public var state: State
    /// The sampled parameters; `lr` is the learning rate.
    public var params: [String: Double]
    /// The objective (the validation loss); nil until the trial completes, or when it failed.
    public var value: Double?
    /// The value reported at each step (epoch), in step order.
    public var intermediateValues: [IntermediateValue]

    /// One reported value.
    public struct IntermediateValue: Sendable, Equatable, Codable {
        /// The step (epoch) it was reported at.
        public var step: Int
        /// The value reported.
        public var value: Double

        /// A reported value.
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

    enum CodingKeys: String, CodingKey {
        case number, state, params, value, intermediateValues = "intermediate_values"
    }

    /// Reads a trial as `goldilocks study --format json` writes it; `intermediate_values` may be
    /// left out, and parameters that are not numbers (a categorical choice) are skipped.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        number = try c.decode(Int.self, forKey: .number)
        state = try c.decode(State.self, forKey: .state)
        let raw = try c.decodeIfPresent([String: NumberOrOther].self, forKey: .params) ?? [:]
        params = raw.compactMapValues(\.number)
        value = try c.decodeIfPresent(NumberOrOther.self, forKey: .value)?.number
        intermediateValues = try c.decodeIfPresent([IntermediateValue].self, forKey: .intermediateValues) ?? []
    }

    /// A JSON number, or anything else (read as no number).
    private struct NumberOrOther: Decodable {
        var number: Double?
        init(from decoder: any Decoder) throws {
            number = try? decoder.singleValueContainer().decode(Double.self)
        }
    }
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
        /// The name asked for.
        public var name: String
        public var description: String { "no study named \"\(name)\"" }
    }

    /// Studies by name.
    public init(studies: [String: [StudyTrial]]) {
        self.studies = studies
    }

    /// Reads studies as `goldilocks study --format json` prints them: one
    /// `{"study": NAME, "trials": [...]}` object or a list of them.
    public init(json data: Data) throws {
        struct File: Decodable {
            var study: String
            var trials: [StudyTrial]
        }
        let files: [File]
        if let list = try? JSONDecoder().decode([File].self, from: data) {
            files = list
        } else {
            files = [try JSONDecoder().decode(File.self, from: data)]
        }
        studies = Dictionary(files.map { ($0.study, $0.trials) }) { first, _ in first }
    }

    public func studyNames() async throws -> [String] { studies.keys.sorted() }

    public func trials(of study: String) async throws -> [StudyTrial] {
        guard let trials = studies[study] else { throw UnknownStudy(name: study) }
        return trials.sorted { $0.number < $1.number }
    }
}
