import GoldilocksSpec

/// The range a parameter is searched over, as Optuna records it in `trial_params.distribution_json`.
public enum Distribution: Sendable, Equatable, Hashable, Codable {
    /// A float in `low...high`, sampled uniformly in log space when `log` is set.
    case float(low: Double, high: Double, log: Bool)
    /// One of `choices`; Optuna stores the index into `choices` as the parameter's value.
    case categorical(choices: [String])

    /// Optuna's JSON for this distribution: `{"name": "FloatDistribution", "attributes": {"step":
    /// null, "low": 1e-05, "high": 1.0, "log": true}}` or `{"name": "CategoricalDistribution",
    /// "attributes": {"choices": ["a", "b"]}}`.
    public var optunaJSON: JSONValue {
        switch self {
        case .float(let low, let high, let log):
            .object([
                "name": .string("FloatDistribution"),
                "attributes": .object(["step": .null, "low": .number(low), "high": .number(high), "log": .bool(log)]),
            ])
        case .categorical(let choices):
            .object([
                "name": .string("CategoricalDistribution"),
                "attributes": .object(["choices": .array(choices.map { .string($0) })]),
            ])
        }
    }

    /// The distribution `json` describes (Optuna's JSON, as `optunaJSON` writes it), or nil when
    /// it is not one Goldilocks searches.
    public init?(optunaJSON json: JSONValue) {
        guard case .object(let fields) = json, case .string(let name)? = fields["name"],
            case .object(let attributes)? = fields["attributes"]
        else { return nil }
        switch name {
        case "FloatDistribution":
            guard case .number(let low)? = attributes["low"], case .number(let high)? = attributes["high"] else { return nil }
            let log: Bool = if case .bool(let flag)? = attributes["log"] { flag } else { false }
            self = .float(low: low, high: high, log: log)
        case "CategoricalDistribution":
            guard case .array(let items)? = attributes["choices"] else { return nil }
            var choices: [String] = []
            for item in items {
                guard case .string(let choice) = item else { return nil }
                choices.append(choice)
            }
            self = .categorical(choices: choices)
        default:
            return nil
        }
    }

    /// The float Optuna stores in `trial_params.param_value` for `value`: the value itself, or a
    /// choice's index. Nil when `value` is not in this distribution.
    public func internalValue(of value: ParameterValue) -> Double? {
        switch (self, value) {
        case (.float(let low, let high, _), .float(let x)) where x >= low && x <= high: x
        case (.categorical(let choices), .choice(let choice)): choices.firstIndex(of: choice).map(Double.init)
        default: nil
        }
    }

    /// The value a stored `param_value` stands for, or nil when it is out of range.
    public func value(fromInternal stored: Double) -> ParameterValue? {
        switch self {
        case .float(let low, let high, _):
            return stored >= low && stored <= high ? .float(stored) : nil
        case .categorical(let choices):
            guard stored.isFinite, stored >= 0, stored < Double(choices.count), stored == stored.rounded() else { return nil }
            return .choice(choices[Int(stored)])
        }
    }
}

/// One parameter's value in a trial; in JSON a number or a string, as Optuna's `trial.params` shows it.
public enum ParameterValue: Sendable, Equatable, Hashable, Codable {
    case float(Double)
    case choice(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            self = .float(number)
        } else {
            self = .choice(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .float(let x): try container.encode(x)
        case .choice(let choice): try container.encode(choice)
        }
    }

    /// The float, when this is one.
    public var floatValue: Double? { if case .float(let x) = self { x } else { nil } }
    /// The choice, when this is one.
    public var choiceValue: String? { if case .choice(let c) = self { c } else { nil } }
}
