import Foundation
import GoldilocksSpec

/// A study's trials and its best, as `goldilocks study` prints them. Its JSON is the contract's:
/// `{"study","trials":[{"number","state","params":{"lr",…},"value","steps"}],"best":{"number","params","value"}}`,
/// with non-finite values as the strings `"inf"`/`"nan"` of the encoder's choice.
public struct StudyReport: Sendable, Encodable {
    /// One trial's line.
    public struct Trial: Sendable, Encodable, Equatable {
        public var number: Int
        public var state: TrialState
        public var params: [String: ParameterValue]
        /// The best validation loss (complete), the last reported one (pruned), else nil.
        public var value: Double?
        /// Optimizer steps the trial trained.
        public var steps: Int?
        /// The best validation loss so far after each epoch reported, in epoch order.
        public var intermediateValues: [IntermediateValue]
        /// Seconds from start to end (or to now, for a running trial: nil).
        public var seconds: Double?
        public var logDir: String?

        enum CodingKeys: String, CodingKey {
            case number, state, params, value, steps, seconds
            case intermediateValues = "intermediate_values", logDir = "log_dir"
        }
    }

    /// A validation loss reported at `step` (epochs completed).
    public struct IntermediateValue: Sendable, Encodable, Equatable {
        public var step: Int
        public var value: Double
    }

    /// The best trial: the complete one with the lowest finite value.
    public struct Best: Sendable, Encodable, Equatable {
        public var number: Int
        public var params: [String: ParameterValue]
        public var value: Double
        /// The epoch (counted from 1) after which the trial's validation loss was its value;
        /// nil when its reports do not show it (a study written by another tool).
        public var epoch: Int?
    }

    public var study: String
    public var trials: [Trial]
    public var best: Best?
    /// Optimizer steps spent: every trial's plus the range test that seeded the sampler.
    public var totalSteps: Int
    /// The range test's suggestion and steps, when one seeded the sampler.
    public var rangeTestSuggestion: Double?
    public var rangeTestSteps: Int

    enum CodingKeys: String, CodingKey {
        case study, trials, best
        case totalSteps = "total_steps", rangeTestSuggestion = "range_test_suggestion", rangeTestSteps = "range_test_steps"
    }

    /// The report of study `name` from its trials and its attributes (`range_test`).
    public init(study name: String, trials records: [TrialRecord], attributes: [String: JSONValue] = [:]) {
        study = name
        trials = records.sorted { $0.number < $1.number }.map { record in
            let steps: Int? = if case .number(let n)? = record.attributes["steps"], n.isFinite, abs(n) < 1e15 { Int(n) } else { nil }
            let logDir: String? = if case .string(let path)? = record.attributes["log_dir"] { path } else { nil }
            var seconds: Double?
            if let started = record.started, let completed = record.completed { seconds = completed.timeIntervalSince(started) }
            return Trial(
                number: record.number, state: record.state, params: record.parameters, value: record.value, steps: steps,
                intermediateValues: record.intermediateValues.sorted { $0.key < $1.key }.map { IntermediateValue(step: $0.key, value: $0.value) },
                seconds: seconds, logDir: logDir)
        }
        best = trials.compactMap { trial in
            guard trial.state == .complete, let value = trial.value, value.isFinite else { return nil }
            let epoch = trial.intermediateValues.first { $0.value == value }?.step
            return Best(number: trial.number, params: trial.params, value: value, epoch: epoch)
        }.min { ($0.value, $0.number) < ($1.value, $1.number) }
        if case .object(let test)? = attributes["range_test"] {
            if case .number(let x)? = test["suggestion"] { rangeTestSuggestion = x }
            if case .number(let n)? = test["steps"], n.isFinite, n >= 0, n < 1e15 { rangeTestSteps = Int(n) } else { rangeTestSteps = 0 }
        } else {
            rangeTestSteps = 0
        }
        totalSteps = trials.compactMap(\.steps).reduce(0, +) + rangeTestSteps
    }

    /// The trials as CSV: `number,state,<params…>,value,steps,seconds`, one row each, parameters
    /// in the order of their names.
    public func csv() -> String {
        let names = Set(trials.flatMap(\.params.keys)).sorted()
        var lines = [(["number", "state"] + names + ["value", "steps", "seconds"]).joined(separator: ",")]
        for trial in trials {
            let params = names.map { name -> String in
                switch trial.params[name] {
                case .float(let x)?: "\(x)"
                case .choice(let choice)?: choice
                case nil: ""
                }
            }
            let cells = ["\(trial.number)", trial.state.rawValue] + params
                + [trial.value.map { "\($0)" } ?? "", trial.steps.map { "\($0)" } ?? "", trial.seconds.map { "\($0)" } ?? ""]
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
