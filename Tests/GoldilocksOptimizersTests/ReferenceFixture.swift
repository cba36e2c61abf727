import Foundation
import GoldilocksOptimizers
import GoldilocksSpec

/// A file written by `scripts/optimizer-fixtures`: PyTorch optimizer trajectories in one dtype.
struct ReferenceFixture: Decodable {
    struct Quadratic: Decodable {
        /// Row-major `dimension × dimension` matrix `A` of the gradient `A·x − b`.
        let matrix: [Double]
        let vector: [Double]
        let dimension: Int
    }

    struct Group: Decodable {
        let start: Int
        let end: Int
        let overrides: [String: JSONValue]
    }

    struct Case: Decodable {
        let name: String
        /// `quadratic` (gradient `A·x − b`) or `rosenbrock`.
        let function: String
        /// The gradient handed to the optimizer is `sign · ∇f` (−1 with `maximize`).
        let gradient_sign: Double
        let spec: JSONValue
        let groups: [Group]
        let start: [Double]
        /// The parameters after each step.
        let steps: [[Double]]
    }

    let torch: String
    let dtype: String
    let quadratic: Quadratic
    let cases: [Case]
}

/// The largest relative error of a run, `|actual − expected| / max(|expected|, floor)` over every
/// value (`floor` 0: the plain relative error).
struct ReferenceComparison {
    var floor = 0.0
    var checked = 0
    var maxRelativeError = 0.0
    var worst = ""

    /// Runs `reference` with the Swift optimizer in `Scalar` and records each value's error.
    mutating func run<Scalar: BinaryFloatingPoint & Sendable>(
        _ reference: ReferenceFixture.Case, quadratic: ReferenceFixture.Quadratic, as: Scalar.Type
    ) throws {
        let spec = try Spec(value: reference.spec)
        let groups = reference.groups.map { ParameterGroupSpec(range: $0.start..<$0.end, overrides: $0.overrides) }
        var optimizer: any Optimizer<Scalar> = try makeOptimizer(spec, parameterCount: reference.start.count, groups: groups)
        var parameters = reference.start.map { Scalar($0) }
        var gradients = [Scalar](repeating: 0, count: parameters.count)
        let matrix = quadratic.matrix.map { Scalar($0) }, vector = quadratic.vector.map { Scalar($0) }
        let sign = Scalar(reference.gradient_sign)
        for (stepIndex, expected) in reference.steps.enumerated() {
            if reference.function == "rosenbrock" {
                let x = parameters[0], y = parameters[1]
                gradients[0] = (-2 * (1 - x) - 400 * x * (y - x * x)) * sign
                gradients[1] = (200 * (y - x * x)) * sign
            } else {
                let n = quadratic.dimension
                for i in 0..<n {
                    var sum: Scalar = 0
                    for j in 0..<n { sum += matrix[i * n + j] * parameters[j] }
                    gradients[i] = (sum - vector[i]) * sign
                }
            }
            try optimizer.step(parameters: &parameters, gradients: gradients)
            for (index, (actual, wanted)) in zip(parameters, expected).enumerated() {
                let error = abs(Double(actual) - wanted) / max(abs(wanted), floor)
                checked += 1
                if error > maxRelativeError || error.isNaN {
                    maxRelativeError = error.isNaN ? .infinity : error
                    worst = "\(reference.name), step \(stepIndex + 1), x\(index): \(Double(actual)) vs \(wanted)"
                }
            }
        }
    }
}
