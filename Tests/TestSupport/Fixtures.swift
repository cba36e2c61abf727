import Foundation

/// Reads a committed JSON fixture from a test bundle's `Fixtures` folder.
public func loadFixture<T: Decodable>(_ type: T.Type, named name: String, in bundle: Bundle) throws -> T {
    guard let url = bundle.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "no fixture \(name).json in \(bundle.bundlePath)"])
    }
    return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
}
