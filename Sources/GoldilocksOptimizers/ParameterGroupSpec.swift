import GoldilocksSpec
import Foundation

/// A parameter group for `makeOptimizer`: a range of the flat buffer and the spec parameters it
/// overrides (PyTorch's `{"params": …, "lr": 0.1}`; anything not given comes from the spec).
public struct ParameterGroupSpec: Sendable, Equatable, Codable {
    /// The indices of the flat buffer this group updates.
    public var range: Range<Int>
    /// Spec parameters (PyTorch names, such as `"lr"` or `"weight_decay"`) that differ from the defaults.
    public var overrides: [String: JSONValue]

    public init(range: Range<Int>, overrides: [String: JSONValue] = [:]) {
        self.range = range
        self.overrides = overrides
    }

    /// Layer-wise learning-rate decay: `layers` ordered from input to output; the last (the head)
    /// gets `learningRate`, the layer `d` places before it `learningRate · decay^d`.
    public static func layerwiseDecay(layers: [Range<Int>], learningRate: Double, decay: Double) -> [ParameterGroupSpec] {
        layers.enumerated().map { index, range in
            let depth = layers.count - 1 - index
            return ParameterGroupSpec(range: range, overrides: ["lr": .number(learningRate * pow(decay, Double(depth)))])
        }
    }
}
