import Foundation
import GoldilocksSpec

/// The settings in which two study definitions differ, by their names in the definition's JSON
/// (`trials`, `space.learningRate`, `training.epochs`, …), each with both values.
enum DefinitionDifferences {
    static func between(stored: StudyDefinition, given: StudyDefinition) throws -> [String] {
        guard stored != given else { return [] }
        var differences: [String] = []
        compare(try json(stored), try json(given), path: "", into: &differences)
        // Equal JSON with unequal values would be a Codable gap; say so rather than say nothing.
        return differences.isEmpty ? ["the definitions differ in a setting their JSON does not show"] : differences
    }

    private static func json(_ definition: StudyDefinition) throws -> JSONValue {
        let data = try Data(RelationalStudyStorage.encode(definition).utf8)
        return try JSONDecoder().decode(JSONValue.self, from: data)
    }

    private static func compare(_ a: JSONValue, _ b: JSONValue, path: String, into differences: inout [String]) {
        if case .object(let left) = a, case .object(let right) = b {
            for key in Set(left.keys).union(right.keys).sorted() {
                compare(left[key] ?? .null, right[key] ?? .null, path: path.isEmpty ? key : "\(path).\(key)", into: &differences)
            }
        } else if a != b {
            let (stored, given) = (PythonJSON.serialize(a, integersAsInts: true), PythonJSON.serialize(b, integersAsInts: true))
            differences.append("\(path.isEmpty ? "definition" : path): \(stored) in the study, \(given) here")
        }
    }
}
