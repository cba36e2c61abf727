/// A spec (a schedule's or an optimizer's JSON) that cannot be used: one case per failure,
/// carrying the spec's name (`owner`), the parameter and the value, with a `description` that
/// says what to change.
public enum SpecError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The text is not JSON; `excerpt` is its start.
    case notJSON(excerpt: String)
    /// The JSON is not an object.
    case notAnObject
    /// The object has no string `"name"`.
    case missingName
    /// A name (of a schedule, optimizer, parameter or value) that is not one of `valid`;
    /// `owner` is the spec it belongs to, if any, and `closest` the nearest valid name, if any is near.
    case unknownName(kind: String, name: String, owner: String?, valid: [String], closest: String?)
    /// A parameter the spec must have.
    case missingParameter(owner: String, parameter: String)
    /// A parameter whose JSON value is of the wrong type or shape: `"parameter" must be
    /// `expected`, not `value``.
    case badParameter(owner: String, parameter: String, expected: String, value: String)
    /// A step count beyond ±2⁵³, where step arithmetic could overflow.
    case stepOutOfRange(owner: String, parameter: String, value: Int)
    /// A boundaries-to-scales object with an entry that is not a whole step and a number.
    case badBoundary(owner: String, parameter: String, boundary: String, scale: JSONValue)
    /// A learning-rate parameter that is negative or not finite.
    case badLearningRate(owner: String, parameter: String, value: Double)
    /// A setting outside its range: `owner: parameter must be requirement, not value`.
    case outOfRange(owner: String?, parameter: String, requirement: String, value: String)
    /// A hyper-parameter PyTorch's optimizer constructors reject, in PyTorch's words
    /// (`Invalid learning rate: -1.0`); `what` is PyTorch's name for it.
    case invalidHyperparameter(optimizer: String, what: String, value: Double)
    /// Settings that cannot go together (a warmup as long as the decay, a list with one entry too
    /// many): `reason` says which and why.
    case inconsistent(owner: String?, reason: String)
    /// A nested spec `nested` that `parameter` of `owner` cannot take; `isOptax` when it is an
    /// optax schedule among PyTorch ones.
    case cannotNest(owner: String, parameter: String, nested: String, isOptax: Bool)
    /// A metric-driven schedule (ReduceLROnPlateau) asked for as a function of the step.
    case metricDriven(schedule: String)
    /// A schedule of the step asked for as a metric-driven one.
    case stepDriven(schedule: String)
    /// Metrics given for a schedule of the step.
    case unexpectedMetrics(schedule: String)
    /// A metric-driven schedule tabulated without metrics.
    case missingMetrics(schedule: String)
    /// Fewer metrics than `steps` steps need (one after each but the last).
    case tooFewMetrics(schedule: String, steps: Int, metrics: Int)
    /// More steps asked of a schedule than it is defined for (it ends at step `last`).
    case pastLastStep(schedule: String, last: Int, steps: Int)
    /// A metrics file's value that is not a number.
    case badMetric(source: String, line: Int, value: String)
    /// A parameter group outside the optimizer's parameters.
    case groupOutsideParameters(group: Range<Int>, parameterCount: Int)
    /// Two parameter groups that share parameters.
    case groupsOverlap(Range<Int>, Range<Int>)
    /// A spec that is wrong in the parameter group `group` (the spec merged with its overrides).
    indirect case inGroup(group: Range<Int>, error: SpecError)
    /// A command-line argument that is neither inline JSON nor an existing file.
    case notASpec(argument: String)
    /// A spec file that is wrong.
    indirect case inFile(path: String, error: SpecError)

    /// What is wrong and what to change.
    public var description: String {
        switch self {
        case let .notJSON(excerpt):
            return "the spec is not valid JSON: \(excerpt)"
        case .notAnObject:
            return "a spec must be a JSON object with a \"name\", such as {\"name\":\"StepLR\",\"step_size\":30}"
        case .missingName:
            return "the spec has no \"name\" (a string such as \"StepLR\" or \"Adam\")"
        case let .unknownName(kind, name, owner, valid, closest):
            var message = "unknown \(kind) \"\(name)\"\(owner.map { " for \($0)" } ?? "")"
            if let closest { message += "; did you mean \"\(closest)\"?" }
            return message + " Valid: \(valid.joined(separator: ", "))"
        case let .missingParameter(owner, parameter):
            return "\(owner) needs \"\(parameter)\""
        case let .badParameter(owner, parameter, expected, value):
            return "\(owner): \"\(parameter)\" must be \(expected), not \(value)"
        case let .stepOutOfRange(owner, parameter, value):
            return "\(owner): \"\(parameter)\" is \(value), out of range: a step count must lie within ±2⁵³"
        case let .badBoundary(owner, parameter, boundary, scale):
            return "\(owner): \"\(parameter)\" must map whole steps to numbers; \"\(boundary)\": \(scale) is not"
        case let .badLearningRate(owner, parameter, value):
            return "\(owner): \"\(parameter)\" is a learning rate and must be a finite number ≥ 0, not \(JSONValue.number(value))"
        case let .outOfRange(owner, parameter, requirement, value):
            return Self.owned(owner, "\(parameter) must be \(requirement), not \(value)")
        case let .invalidHyperparameter(optimizer, what, value):
            return "\(optimizer): Invalid \(what): \(value)"
        case let .inconsistent(owner, reason):
            return Self.owned(owner, reason)
        case let .cannotNest(owner, parameter, nested, isOptax):
            return isOptax
                ? "\(owner): \(nested) is an optax schedule; \(parameter) takes PyTorch (or transformers) schedulers (join_schedules joins optax ones)"
                : "\(owner): \(nested) cannot be nested in \(parameter)"
        case let .metricDriven(schedule):
            return "\(schedule) is driven by a metric, not by the step alone: give it metrics (`goldilocks schedule --metrics FILE`)"
        case let .stepDriven(schedule):
            return "\(schedule) is a schedule of the step; only ReduceLROnPlateau (\"plateau\") is driven by metrics"
        case let .unexpectedMetrics(schedule):
            return "metrics drive only ReduceLROnPlateau (\"plateau\"); \(schedule) is a function of the step"
        case let .missingMetrics(schedule):
            return "\(schedule) is driven by a metric: give one per step (`--metrics FILE`)"
        case let .tooFewMetrics(schedule, steps, metrics):
            return "\(steps) steps of \(schedule) need \(steps - 1) metrics (one after each step but the last); got \(metrics)"
        case let .pastLastStep(schedule, last, steps):
            return "\(schedule) is defined up to step \(last) (PyTorch raises after it); ask for at most \(last + 1) steps, not \(steps)"
        case let .badMetric(source, line, value):
            return "\(source), line \(line): \"\(value)\" is not a number"
        case let .groupOutsideParameters(group, parameterCount):
            return "parameter group \(group.lowerBound)..<\(group.upperBound) is outside the \(parameterCount) parameters"
        case let .groupsOverlap(first, second):
            return "parameter groups \(first.lowerBound)..<\(first.upperBound) and \(second.lowerBound)..<\(second.upperBound) overlap"
        case let .inGroup(group, error):
            return "parameter group \(group.lowerBound)..<\(group.upperBound): \(error)"
        case let .notASpec(argument):
            return "\"\(argument)\" is neither a JSON object nor an existing .json file"
        case let .inFile(path, error):
            return "\(path): \(error)"
        }
    }

    /// `message` after "owner: " when there is an owner.
    private static func owned(_ owner: String?, _ message: String) -> String {
        owner.map { "\($0): \(message)" } ?? message
    }
}
