/// The buffers one forward and backward pass of an `MLP` needs, sized once for a batch size so
/// the training loop allocates nothing per step. Package-level: the training step owns one and
/// hands its pointers to the kernels.
///
/// A class because it is scratch memory with identity: it owns raw allocations, freed once.
package final class Workspace<Scalar: NetworkScalar>: @unchecked Sendable {  // used by one task at a time
    /// The most rows a pass may have.
    package let capacity: Int
    /// Each layer's outputs (after the activation), `capacity × outputs`.
    let activations: [UnsafeMutablePointer<Scalar>]
    /// Each GELU layer's inputs to the activation; `nil` for other layers.
    let preActivations: [UnsafeMutablePointer<Scalar>?]
    /// Two back-propagation buffers, `capacity × widest layer`, used in turn.
    let deltaA: UnsafeMutablePointer<Scalar>
    let deltaB: UnsafeMutablePointer<Scalar>
    /// The gradient of the last `lossAndGradient`, laid out as the model's parameters: an array,
    /// so an optimizer's safe `step` takes it as it is.
    package internal(set) var gradient: [Scalar]
    private let widths: [Int]

    /// Buffers for `model` and up to `capacity` rows per pass.
    package init(for model: MLP<Scalar>, capacity: Int) throws(NetworkError) {
        guard capacity > 0 else { throw .capacity(capacity) }
        self.capacity = capacity
        widths = model.widths
        activations = model.layers.map { .allocate(capacity: capacity * $0.outputs) }
        preActivations = model.layers.map { $0.activation.needsPreActivation ? .allocate(capacity: capacity * $0.outputs) : nil }
        let widest = widths.max() ?? 1
        deltaA = .allocate(capacity: capacity * widest)
        deltaB = .allocate(capacity: capacity * widest)
        gradient = [Scalar](repeating: 0, count: model.parameterCount)
    }

    deinit {
        for buffer in activations { buffer.deallocate() }
        for buffer in preActivations { buffer?.deallocate() }
        deltaA.deallocate()
        deltaB.deallocate()
    }

    /// The network outputs of the last forward pass, `rows × outputs`.
    package var outputs: UnsafePointer<Scalar> { UnsafePointer(activations[activations.count - 1]) }

    /// Whether `model` has the layer shapes this workspace was sized for, with each layer's
    /// parameters where the kernels read them (a decoded or edited model may not); walks the
    /// layers rather than building `model.widths`, because it runs on every pass. Specialised: the
    /// training step calls it from another module, where the generic walk allocates (measured: 3
    /// allocations a step on the 784-256-128-10 benchmark).
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func matches(_ model: MLP<Scalar>) -> Bool {
        guard model.layers.count + 1 == widths.count, model.parameters.count == gradient.count else { return false }
        var offset = 0
        for (l, layer) in model.layers.enumerated() {
            guard layer.inputs == widths[l], layer.outputs == widths[l + 1], layer.offset == offset else { return false }
            offset = layer.parameterRange.upperBound
        }
        return offset == gradient.count
    }
}
