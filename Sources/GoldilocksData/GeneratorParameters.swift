import GoldilocksSpec
/// The `key=value` parameters of a generated data set's name, such as `moons:samples=500,noise=0.2`.
public struct GeneratorParameters: Sendable, Equatable {
    /// The generator's name, for messages.
    public var generator: String
    /// The numbers given, by parameter name.
    public var values: [String: Double]

    /// Parameters given directly.
    public init(generator: String, values: [String: Double] = [:]) {
        self.generator = generator
        self.values = values
    }

    /// Parses `key=value,key=value` (empty text: no parameters).
    public init(generator: String, parsing text: Substring) throws(DataError) {
        self.generator = generator
        values = [:]
        for pair in text.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: " ") }
            guard parts.count == 2, !parts[0].isEmpty, let value = Double(parts[1]) else {
                throw .malformedGeneratorOption(generator: generator, option: String(pair))
            }
            values[parts[0]] = value
        }
    }

    /// Throws unless every given parameter is one of `allowed`.
    public func check(_ allowed: [String]) throws(DataError) {
        for key in values.keys.sorted() where !allowed.contains(key) {
            throw .unknownGeneratorParameter(
                generator: generator, parameter: key, valid: allowed, closest: closestMatch(to: key, in: allowed))
        }
    }

    /// A whole number, or `fallback` when not given.
    public func int(_ key: String, default fallback: Int) throws(DataError) -> Int {
        guard let value = values[key] else { return fallback }
        guard let whole = Int(exactly: value) else {
            throw .fractionalGeneratorParameter(generator: generator, parameter: key, value: value)
        }
        return whole
    }

    /// A number, or `fallback` when not given.
    public func double(_ key: String, default fallback: Double) -> Double {
        values[key] ?? fallback
    }
}

/// Throws `generatorParameterOutOfRange` unless `condition` holds: `parameter` of `generator`
/// must be `requirement` and is `value`.
func require(
    _ condition: Bool, _ generator: String, _ parameter: String, must requirement: String, not value: some Any
) throws(DataError) {
    if !condition {
        throw .generatorParameterOutOfRange(
            generator: generator, parameter: parameter, requirement: requirement, value: "\(value)")
    }
}

extension StringProtocol {
    /// The text without `characters` at either end.
    fileprivate func trimmingCharacters(in characters: Character) -> String {
        var slice = Substring(self)
        while slice.first == characters { slice.removeFirst() }
        while slice.last == characters { slice.removeLast() }
        return String(slice)
    }
}
