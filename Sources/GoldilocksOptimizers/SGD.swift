/// Stochastic gradient descent with momentum, dampening, Nesterov momentum and weight decay,
/// step for step PyTorch's `torch.optim.SGD` (`_single_tensor_sgd`).
///
/// With `g = ±grad` (minus when maximizing):
/// ```
/// g ← g + weightDecay·p                                   (if weightDecay ≠ 0)
/// b ← g on the first step, else momentum·b + (1 − dampening)·g   (if momentum ≠ 0)
/// g ← g + momentum·b if nesterov, else b
/// p ← p − lr·g
/// ```
public struct SGD<Scalar: BinaryFloatingPoint & Sendable>: GroupedOptimizer, Equatable {
    public private(set) var groups: [ParameterGroup<SGDHyperparameters>]
    /// The number of values in the flat parameter buffer.
    public let parameterCount: Int
    /// The momentum buffer of every parameter (empty until a group has momentum).
    var momentumBuffer: [Scalar] = []
    /// Whether each group's momentum buffer holds a value yet (PyTorch's `buf is None`).
    var hasMomentumBuffer: [Bool]

    /// An optimizer for `parameterCount` parameters in the given groups (one group of all of them
    /// by default).
    /// Throws when a group reaches outside the buffer, two overlap, or a group's hyper-parameters
    /// are ones PyTorch rejects.
    public init(parameterCount: Int, groups: [ParameterGroup<SGDHyperparameters>]) throws(OptimizerError) {
        try checkGroups(groups, parameterCount: parameterCount)
        self.parameterCount = parameterCount
        self.groups = groups
        self.hasMomentumBuffer = Array(repeating: false, count: groups.count)
        allocateState()
    }

    /// An optimizer for `parameterCount` parameters in one group; throws as the grouped initialiser.
    public init(parameterCount: Int, hyperparameters: SGDHyperparameters = SGDHyperparameters()) throws(OptimizerError) {
        guard parameterCount >= 0 else { throw .parameterCount(parameterCount) }
        try self.init(parameterCount: parameterCount, groups: [ParameterGroup(range: 0..<parameterCount, hyperparameters: hyperparameters)])
    }

    public mutating func setHyperparameters(_ hyperparameters: SGDHyperparameters, forGroup index: Int) throws(OptimizerError) {
        guard groups.indices.contains(index) else { throw .noGroup(index, count: groups.count) }
        groups[index].hyperparameters = hyperparameters
        allocateState()
    }

    private mutating func allocateState() {
        if momentumBuffer.isEmpty && groups.contains(where: { $0.hyperparameters.momentum != 0 }) {
            momentumBuffer = Array(repeating: 0, count: parameterCount)
        }
    }

    public mutating func step(parameters: inout [Scalar], gradients: [Scalar]) throws(OptimizerError) {
        try withCheckedBuffers(&parameters, gradients, parameterCount: parameterCount) { update(parameters: $0, gradients: $1) }
    }

    /// The update on buffers of `parameterCount` values, for the safe `step`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    private mutating func update(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>) {
        allocateState()
        for index in groups.indices {
            let h = groups[index].hyperparameters
            let range = groups[index].range
            if range.isEmpty { continue }
            let first = !hasMomentumBuffer[index]
            if h.momentum != 0 { hasMomentumBuffer[index] = true }
            momentumBuffer.withUnsafeMutableBufferPointer { buffer in
                Self.update(
                    parameters.baseAddress! + range.lowerBound, gradients.baseAddress! + range.lowerBound,
                    buffer.baseAddress.map { $0 + range.lowerBound }, count: range.count, hyperparameters: h, firstStep: first)
            }
        }
    }

    @inline(__always)
    private static func update(
        _ p: UnsafeMutablePointer<Scalar>, _ grad: UnsafePointer<Scalar>, _ buf: UnsafeMutablePointer<Scalar>?,
        count: Int, hyperparameters h: SGDHyperparameters, firstStep: Bool
    ) {
        // PyTorch rounds each Python-float factor to the tensor's dtype before the tensor op.
        let weightDecay = Scalar(h.weightDecay), momentum = Scalar(h.momentum)
        let keep = Scalar(1 - h.dampening), negativeRate = Scalar(-h.learningRate)
        let useDecay = h.weightDecay != 0, useMomentum = h.momentum != 0
        for i in 0..<count {
            var g = h.maximize ? -grad[i] : grad[i]
            if useDecay { g = g + weightDecay * p[i] }
            if useMomentum, let buf {
                buf[i] = firstStep ? g : buf[i] * momentum + keep * g
                g = h.nesterov ? g + momentum * buf[i] : buf[i]
            }
            p[i] = p[i] + negativeRate * g
        }
    }
}

extension SGD: Codable where Scalar: Codable {}
