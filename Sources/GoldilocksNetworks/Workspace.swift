/// The buffers one forward and backward pass of an `MLP` needs, sized once for a batch size so
/// the training loop allocates nothing per step.
///
/// A class because it is scratch memory with identity: it owns raw allocations, freed once.
public final class Workspace<Scalar: NetworkScalar>: @unchecked Sendable {  // used by one task at a time
    /// The most rows a pass may have.
    public let capacity: Int
    /// Each layer's outputs (after the activation), `capacity × outputs`.
    let activations: [UnsafeMutablePointer<Scalar>]
    /// Each GELU layer's inputs to the activation; `nil` for other layers.
    let preActivations: [UnsafeMutablePointer<Scalar>?]
    /// Two back-propagation buffers, `capacity × widest layer`, used in turn.
    let deltaA: UnsafeMutablePointer<Scalar>
    let deltaB: UnsafeMutablePointer<Scalar>
    /// The gradient of the last `lossAndGradient`, laid out as the model's parameters.
    public let gradient: UnsafeMutablePointer<Scalar>
    public let parameterCount: Int
    private let widths: [Int]

    /// Buffers for `model` and up to `capacity` rows per pass.
    public init(for model: MLP<Scalar>, capacity: Int) {
        precondition(capacity > 0, "a workspace needs room for at least one row")
        self.capacity = capacity
        widths = model.widths
        activations = model.layers.map { .allocate(capacity: capacity * $0.outputs) }
        preActivations = model.layers.map { $0.activation.needsPreActivation ? .allocate(capacity: capacity * $0.outputs) : nil }
        let widest = widths.max() ?? 1
        deltaA = .allocate(capacity: capacity * widest)
        deltaB = .allocate(capacity: capacity * widest)
        parameterCount = model.parameterCount
        gradient = .allocate(capacity: parameterCount)
        gradient.initialize(repeating: 0, count: parameterCount)
    }

    deinit {
        for buffer in activations { buffer.deallocate() }
        for buffer in preActivations { buffer?.deallocate() }
        deltaA.deallocate()
        deltaB.deallocate()
        gradient.deallocate()
    }

    /// The network outputs of the last forward pass, `rows × outputs`.
    public var outputs: UnsafePointer<Scalar> { UnsafePointer(activations[activations.count - 1]) }

    /// The gradient as a buffer, for an optimizer step.
    public var gradientBuffer: UnsafeBufferPointer<Scalar> { UnsafeBufferPointer(start: gradient, count: parameterCount) }

    /// Whether `model` has the layer shapes this workspace was sized for; walks the layers
    /// rather than building `model.widths`, because it runs on every pass.
    func matches(_ model: MLP<Scalar>) -> Bool {
        guard model.layers.count + 1 == widths.count, model.layers[0].inputs == widths[0] else { return false }
        for (l, layer) in model.layers.enumerated() where layer.outputs != widths[l + 1] { return false }
        return true
    }
}
