import GoldilocksCore

/// A synthetic data set made from a seed: named `spirals`, `moons`, `blobs` or `regression`,
/// optionally with parameters after a colon (`moons:samples=500,noise=0.2`).
public enum GeneratedDataset: Sendable, Equatable {
    /// Interleaved spiral arms (classification).
    case spirals(Spirals)
    /// scikit-learn's two moons (classification).
    case moons(Moons)
    /// Gaussian clusters (classification).
    case blobs(Blobs)
    /// A noisy linear target (regression).
    case regression(SyntheticRegression)

    /// The generators' names.
    public static let names = ["spirals", "moons", "blobs", "regression"]

    /// Parses `NAME` or `NAME:key=value,…`; nil when `text` names no generator.
    public init?(parsing text: String) throws(DataError) {
        let name = text.prefix { $0 != ":" }
        guard Self.names.contains(String(name)) else { return nil }
        let parameters = try GeneratorParameters(generator: String(name), parsing: text.dropFirst(name.count + 1))
        switch name {
        case "spirals": self = .spirals(try Spirals(parameters: parameters))
        case "moons": self = .moons(try Moons(parameters: parameters))
        case "blobs": self = .blobs(try Blobs(parameters: parameters))
        default: self = .regression(try SyntheticRegression(parameters: parameters))
        }
    }

    /// The data set for `seed`: the same seed gives the same rows.
    public func generate(seed: UInt64) -> Dataset {
        var rng = SeededGenerator(seed: seed)
        switch self {
        case .spirals(let generator): return generator.generate(using: &rng)
        case .moons(let generator): return generator.generate(using: &rng)
        case .blobs(let generator): return generator.generate(using: &rng)
        case .regression(let generator): return generator.generate(using: &rng)
        }
    }
}
