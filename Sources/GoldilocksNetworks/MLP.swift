import GoldilocksCore

/// A multi-layer perceptron: dense layers with activations, all parameters in one flat buffer.
///
/// Layer `l` computes `a_l = act(a_{l-1} · W_l + b_l)` with `W_l` stored row-major as
/// inputs × outputs, followed by `b_l`, so every layer is one contiguous range of `parameters`
/// (the unit of parameter groups). The model is a value: a copy is a snapshot of its weights.
public struct MLP<Scalar: NetworkScalar>: Sendable, Codable, Equatable {
    /// One dense layer's shape and where its weights and bias sit in `parameters`.
    public struct Layer: Sendable, Codable, Equatable {
        public var inputs: Int
        public var outputs: Int
        public var activation: Activation
        /// The offset of the weights (inputs × outputs); the bias follows them.
        public var offset: Int

        public var weightCount: Int { inputs * outputs }
        public var biasOffset: Int { offset + weightCount }
        /// The layer's weights and bias in the flat parameter buffer.
        public var parameterRange: Range<Int> { offset..<(biasOffset + outputs) }
    }

    public private(set) var layers: [Layer]
    /// Every weight and bias, layer after layer.
    public var parameters: [Scalar]

    /// A network with the given layer widths (input first, output last), `activation` after each
    /// hidden layer and none after the output, initialised as PyTorch's `nn.Linear`: weights and
    /// biases uniform in `±1/√inputs` (Kaiming-uniform with `a = √5`). Throws unless there are at
    /// least two widths, all positive.
    public init(widths: [Int], activation: Activation = .relu, generator: inout SeededGenerator) throws(NetworkError) {
        guard widths.count >= 2 && widths.allSatisfy({ $0 > 0 }) else { throw .widths(widths) }
        var layers: [Layer] = []
        var offset = 0
        for l in 1..<widths.count {
            let isOutput = l == widths.count - 1
            let layer = Layer(inputs: widths[l - 1], outputs: widths[l], activation: isOutput ? .identity : activation, offset: offset)
            layers.append(layer)
            offset = layer.parameterRange.upperBound
        }
        var parameters = [Scalar](repeating: 0, count: offset)
        for layer in layers {
            let bound = Float(1 / Double(layer.inputs).squareRoot())
            for i in layer.parameterRange { parameters[i] = Scalar(generator.nextUniform(-bound, bound)) }
        }
        self.layers = layers
        self.parameters = parameters
    }

    /// The widths from input to output.
    public var widths: [Int] { [layers[0].inputs] + layers.map(\.outputs) }
    public var inputCount: Int { layers[0].inputs }
    public var outputCount: Int { layers[layers.count - 1].outputs }
    public var parameterCount: Int { parameters.count }

    /// The multiply-adds of one sample's forward pass (a backward pass costs twice that).
    public var multiplyAddsPerSample: Int { layers.reduce(0) { $0 + $1.weightCount } }

    /// Runs `rows` samples (row-major in `input`) forward; the outputs are in
    /// `workspace.outputs`. Allocates nothing. Package-level: the training step checks the shapes
    /// and hands the kernels its batch's storage.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func forward(_ input: UnsafePointer<Scalar>, rows: Int, workspace: Workspace<Scalar>, backend: MatrixBackend = .preferred) {
        precondition(rows <= workspace.capacity && workspace.matches(self), "workspace too small for this batch")
        parameters.withUnsafeBufferPointer { p in
            let weights = p.baseAddress!
            var previous = input
            for (l, layer) in layers.enumerated() {
                let values = workspace.activations[l]
                gemm(
                    .none, .none, m: rows, n: layer.outputs, k: layer.inputs, alpha: 1, previous, lda: layer.inputs,
                    weights + layer.offset, ldb: layer.outputs, beta: 0, values, ldc: layer.outputs, backend: backend)
                layer.activation.applyWithBias(
                    values, bias: weights + layer.biasOffset, rows: rows, columns: layer.outputs,
                    preActivations: workspace.preActivations[l])
                previous = UnsafePointer(values)
            }
        }
    }

    /// The mean loss of a batch and, in `workspace.gradient`, its gradient with respect to every
    /// parameter (overwritten, not accumulated). Allocates nothing. `targets` holds
    /// `loss.targetsPerSample(outputs:)` values per row; cross-entropy's class indices must be
    /// below the output count (a `Dataset` checks them when it is made).
    @discardableResult
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func lossAndGradient(
        input: UnsafePointer<Scalar>, targets: UnsafePointer<Scalar>, rows: Int, loss: Loss,
        workspace: Workspace<Scalar>, backend: MatrixBackend = .preferred
    ) -> Double {
        forward(input, rows: rows, workspace: workspace, backend: backend)
        let last = layers.count - 1
        var delta = workspace.deltaA, spare = workspace.deltaB
        let value = loss.evaluate(
            outputs: workspace.activations[last], targets: targets, rows: rows, columns: layers[last].outputs, gradient: delta)
        parameters.withUnsafeBufferPointer { p in
          workspace.gradient.withUnsafeMutableBufferPointer { g in
            let weights = p.baseAddress!, gradient = g.baseAddress!
            for l in stride(from: last, through: 0, by: -1) {
                let layer = layers[l]
                let previous = l == 0 ? input : UnsafePointer(workspace.activations[l - 1])
                // dW = a_{l-1}ᵀ · δ and db = column sums of δ.
                gemm(
                    .transposed, .none, m: layer.inputs, n: layer.outputs, k: rows, alpha: 1, previous, lda: layer.inputs,
                    delta, ldb: layer.outputs, beta: 0, gradient + layer.offset, ldc: layer.outputs, backend: backend)
                let bias = gradient + layer.biasOffset
                bias.update(repeating: 0, count: layer.outputs)
                for r in 0..<rows {
                    let row = delta + r * layer.outputs
                    for j in 0..<layer.outputs { bias[j] += row[j] }
                }
                guard l > 0 else { break }
                // δ_{l-1} = (δ · W_lᵀ) ⊙ act'(layer l-1).
                gemm(
                    .none, .transposed, m: rows, n: layer.inputs, k: layer.outputs, alpha: 1, delta, lda: layer.outputs,
                    weights + layer.offset, ldb: layer.outputs, beta: 0, spare, ldc: layer.inputs, backend: backend)
                layers[l - 1].activation.multiplyByDerivative(
                    spare, outputs: workspace.activations[l - 1], preActivations: workspace.preActivations[l - 1],
                    count: rows * layer.inputs)
                swap(&delta, &spare)
            }
          }
        }
        return value
    }

    /// The mean loss of `rows` samples without computing gradients.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    package func loss(
        input: UnsafePointer<Scalar>, targets: UnsafePointer<Scalar>, rows: Int, loss: Loss, workspace: Workspace<Scalar>,
        backend: MatrixBackend = .preferred
    ) -> Double {
        forward(input, rows: rows, workspace: workspace, backend: backend)
        return loss.evaluate(
            outputs: workspace.activations[layers.count - 1], targets: targets, rows: rows, columns: outputCount,
            gradient: nil)
    }
}
