import Foundation

/// A schedule or optimizer written as a JSON object: `{"name": "StepLR", "step_size": 30, …}`.
///
/// Parameters keep the names of the library the spec comes from (PyTorch, transformers, optax).
/// Reading is checked: a missing, mistyped or unknown parameter is a `SpecError` that names it,
/// lists the valid ones and suggests the closest, so a user porting code sees what to fix.
public struct Spec: Sendable, Equatable {
    /// The `name` field: a class or function name such as `OneCycleLR` or `cosine_decay_schedule`.
    public let name: String
    /// Every field except `name`.
    public let parameters: [String: JSONValue]

    public init(name: String, parameters: [String: JSONValue] = [:]) {
        self.name = name
        self.parameters = parameters
    }

    /// Parses a spec from JSON text: an object with a string `name`.
    public init(json text: String) throws(SpecError) {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            throw .notJSON(excerpt: String(text.prefix(80)))
        }
        try self.init(value: value)
    }

    /// A spec from an already parsed JSON value (a nested spec inside a list, say).
    public init(value: JSONValue) throws(SpecError) {
        guard case .object(var fields) = value else {
            throw .notAnObject
        }
        guard case .string(let name)? = fields.removeValue(forKey: "name") else {
            throw .missingName
        }
        self.init(name: name, parameters: fields)
    }

    /// Throws unless every parameter is one of `allowed`, naming the closest valid one.
    public func checkParameters(_ allowed: [String]) throws(SpecError) {
        for key in parameters.keys.sorted() where !allowed.contains(key) {
            throw .unknownName(
                kind: "parameter", name: key, owner: name, valid: allowed, closest: closestMatch(to: key, in: allowed))
        }
    }

    /// A required or defaulted number.
    public func double(_ key: String, default fallback: Double? = nil) throws(SpecError) -> Double {
        guard let value = parameters[key] else {
            if let fallback { return fallback }
            throw .missingParameter(owner: name, parameter: key)
        }
        guard case .number(let number) = value else {
            throw .badParameter(owner: name, parameter: key, expected: "a number", value: "\(value)")
        }
        return number
    }

    /// A number that may be given as JSON `null` or left out (both mean `nil`).
    public func optionalDouble(_ key: String) throws(SpecError) -> Double? {
        if parameters[key] == nil || parameters[key] == .null { return nil }
        return try double(key)
    }

    /// A required or defaulted whole number (`30` or `30.0`, not `30.5`).
    public func int(_ key: String, default fallback: Int? = nil) throws(SpecError) -> Int {
        let number = try double(key, default: fallback.map(Double.init))
        guard let whole = Int(exactly: number) else {
            throw .badParameter(owner: name, parameter: key, expected: "a whole number", value: "\(JSONValue.number(number))")
        }
        return whole
    }

    /// A whole number that may be `null` or left out.
    public func optionalInt(_ key: String) throws(SpecError) -> Int? {
        if parameters[key] == nil || parameters[key] == .null { return nil }
        return try int(key)
    }

    /// A required or defaulted boolean.
    public func bool(_ key: String, default fallback: Bool? = nil) throws(SpecError) -> Bool {
        guard let value = parameters[key] else {
            if let fallback { return fallback }
            throw .missingParameter(owner: name, parameter: key)
        }
        guard case .bool(let flag) = value else {
            throw .badParameter(owner: name, parameter: key, expected: "true or false", value: "\(value)")
        }
        return flag
    }

    /// A required or defaulted string.
    public func string(_ key: String, default fallback: String? = nil) throws(SpecError) -> String {
        guard let value = parameters[key] else {
            if let fallback { return fallback }
            throw .missingParameter(owner: name, parameter: key)
        }
        guard case .string(let text) = value else {
            throw .badParameter(owner: name, parameter: key, expected: "a string", value: "\(value)")
        }
        return text
    }

    /// A string that must be one of `choices`.
    public func choice(_ key: String, _ choices: [String], default fallback: String? = nil) throws(SpecError) -> String {
        let text = try string(key, default: fallback)
        guard choices.contains(text) else {
            throw .unknownName(
                kind: "value of \"\(key)\"", name: text, owner: name, valid: choices, closest: closestMatch(to: text, in: choices))
        }
        return text
    }

    /// A list of numbers; a single number counts as a list of one when `scalarAllowed`
    /// (PyTorch takes `max_lr=0.1` or `max_lr=[0.1, 0.01]`).
    public func doubles(_ key: String, default fallback: [Double]? = nil, scalarAllowed: Bool = false) throws(SpecError) -> [Double] {
        guard let value = parameters[key] else {
            if let fallback { return fallback }
            throw .missingParameter(owner: name, parameter: key)
        }
        switch value {
        case .number(let number) where scalarAllowed: return [number]
        case .array(let items):
            var numbers: [Double] = []
            for item in items {
                guard case .number(let number) = item else {
                    throw .badParameter(owner: name, parameter: key, expected: "a list of numbers", value: "\(value)")
                }
                numbers.append(number)
            }
            return numbers
        default:
            throw .badParameter(owner: name, parameter: key, expected: "a list of numbers", value: "\(value)")
        }
    }

    /// A list of nested specs (`SequentialLR`'s `schedulers`, optax's `join_schedules`).
    public func specs(_ key: String) throws(SpecError) -> [Spec] {
        guard let value = parameters[key] else { throw .missingParameter(owner: name, parameter: key) }
        guard case .array(let items) = value else {
            throw .badParameter(owner: name, parameter: key, expected: "a list of specs", value: "\(value)")
        }
        var result: [Spec] = []
        for item in items { result.append(try Spec(value: item)) }
        return result
    }
}

/// The candidate nearest to `word` by edit distance (case-insensitive), if any is reasonably near.
public func closestMatch(to word: String, in candidates: [String]) -> String? {
    let target = Array(word.lowercased())
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(target, Array(candidate.lowercased()))
        if distance < (best?.distance ?? .max) { best = (candidate, distance) }
    }
    guard let best, best.distance <= max(2, target.count / 2) else { return nil }
    return best.name
}

/// Levenshtein distance with one row of memory.
private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    var row = Array(0...b.count)
    for i in 1...a.count {
        var diagonal = row[0]
        row[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
            let substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)
            diagonal = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, substitution)
        }
    }
    return row[b.count]
}

extension Spec: Codable {
    /// Decodes the JSON object form, `{"name": …, parameters…}`.
    public init(from decoder: any Decoder) throws {
        do {
            try self.init(value: try JSONValue(from: decoder))
        } catch let error as SpecError {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// Encodes as the JSON object a user writes, so `run.json` can be pasted back as a spec.
    public func encode(to encoder: any Encoder) throws {
        try JSONValue.object(parameters.merging(["name": .string(name)]) { current, _ in current }).encode(to: encoder)
    }
}
