import Foundation
import GoldilocksSchedules
import GoldilocksSpec
import TestSupport
import Testing

/// A fixture file written by `scripts/schedule-fixtures` from the real libraries.
struct ReferenceFixture: Decodable {
    /// One schedule configuration and what the library gave for it.
    struct Case: Decodable {
        /// The spec exactly as a user writes it.
        var spec: JSONValue
        /// The learning rate of steps 0, 1, …
        var lr: [Double]?
        /// The cycled momentum of steps 0, 1, … (OneCycleLR, CyclicLR).
        var momentum: [Double]?
        /// The metrics fed after each step (ReduceLROnPlateau).
        var metrics: [Double]?
        /// The steps within which the library rejects the spec (error cases).
        var steps: Int?

        func parsedSpec() throws -> Spec { try Spec(value: spec) }
    }

    var versions: [String: String]
    var cases: [Case]

    static func load(_ name: String) throws -> ReferenceFixture {
        try loadFixture(ReferenceFixture.self, named: name, in: Bundle.module)
    }
}

/// Compares values with the references at 1e-6 relative.
///
/// The absolute allowance of 1e-12 × the case's largest value covers only values that come from
/// a cancellation such as `1 + cos(x)` at `x ≈ π`, where both sides carry rounding of the
/// case's scale, not of the tiny result. Returns the largest relative error on the others.
@discardableResult
func expectMatches(_ actual: [Double], _ expected: [Double], _ label: String, sourceLocation: SourceLocation = #_sourceLocation) -> Double {
    let scale = expected.map(abs).max() ?? 0
    expectClose(actual, expected, rtol: 1e-6, atol: 1e-12 * scale, Comment(rawValue: label), sourceLocation: sourceLocation)
    var worst = 0.0
    for (a, e) in zip(actual, expected) where abs(e) > 1e-12 * scale {
        worst = max(worst, abs(a - e) / abs(e))
    }
    return worst
}
