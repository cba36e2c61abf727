import Foundation

/// Reads a committed JSON fixture from a test bundle's `Fixtures` folder.
public func loadFixture<T: Decodable>(_ type: T.Type, named name: String, in bundle: Bundle) throws -> T {
    guard let url = bundle.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "no fixture \(name).json in \(bundle.bundlePath)"])
    }
    return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
}

/// A number in a fixture: JSON has no NaN or infinity, so the fixture scripts write "nan", "inf"
/// and "-inf".
public struct FixtureNumber: Decodable, Sendable {
    public let value: Double

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            value = number
            return
        }
        switch try container.decode(String.self) {
        case "nan": value = .nan
        case "inf": value = .infinity
        case "-inf": value = -.infinity
        case let other: throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a number: \(other)")
        }
    }
}
