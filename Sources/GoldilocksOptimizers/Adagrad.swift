/// Adagrad with learning-rate decay, step for step PyTorch's `torch.optim.Adagrad`
/// (`_single_tensor_adagrad`).
///
/// With `g = ±grad`, `t` the group's step count (from 1) and the sum starting at
/// `initialAccumulatorValue` (set when the optimizer is made, as PyTorch's constructor does):
/// ```
/// g ← g + wd·p                         (if wd ≠ 0)
/// clr = lr / (1 + (t − 1)·lrDecay)
/// sum ← sum + g²
/// p ← p − clr · g / (sqrt(sum) + eps)
/// ```
public struct Adagrad<Scalar: BinaryFloatingPoint & Sendable>: GroupedOptimizer, Equatable {
    public private(set) var groups: [ParameterGroup<AdagradHyperparameters>]
    /// The number of values in the flat parameter buffer.
    public let parameterCount: Int
    /// PyTorch's `sum`.
    var sum: [Scalar]
    /// The steps each group has taken (PyTorch's `state["step"]`).
    var stepCounts: [Int]

    /// An optimizer for `parameterCount` parameters in the given groups.
    /// Throws when a group reaches outside the buffer, two overlap, or a group's hyper-parameters
    /// are ones PyTorch rejects.
    public init(parameterCount: Int, groups: [ParameterGroup<AdagradHyperparameters>]) throws(OptimizerError) {
        try checkGroups(groups, parameterCount: parameterCount)
        self.parameterCount = parameterCount
        self.groups = groups
        self.stepCounts = Array(repeating: 0, count: groups.count)
        var sum = [Scalar](repeating: 0, count: parameterCount)
        for group in groups {
            for i in group.range { sum[i] = Scalar(group.hyperparameters.initialAccumulatorValue) }
        }
        self.sum = sum
    }

    /// An optimizer for `parameterCount` parameters in one group; throws as the grouped initialiser.
    public init(parameterCount: Int, hyperparameters: AdagradHyperparameters = AdagradHyperparameters()) throws(OptimizerError) {
        guard parameterCount >= 0 else { throw .parameterCount(parameterCount) }
        try self.init(parameterCount: parameterCount, groups: [ParameterGroup(range: 0..<parameterCount, hyperparameters: hyperparameters)])
    }

    public mutating func setHyperparameters(_ hyperparameters: AdagradHyperparameters, forGroup index: Int) throws(OptimizerError) {
        guard groups.indices.contains(index) else { throw .noGroup(index, count: groups.count) }
        groups[index].hyperparameters = hyperparameters
    }

    public mutating func step(parameters: inout [Scalar], gradients: [Scalar]) throws(OptimizerError) {
        try withCheckedBuffers(&parameters, gradients, parameterCount: parameterCount) { update(parameters: $0, gradients: $1) }
    }

    /// The update on buffers of `parameterCount` values, for the safe `step`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    private mutating func update(parameters: UnsafeMutableBufferPointer<Scalar>, gradients: UnsafeBufferPointer<Scalar>) {
        for index in groups.indices {
            stepCounts[index] += 1
            let h = groups[index].hyperparameters
            let range = groups[index].range
            if range.isEmpty { continue }
            let t = Double(stepCounts[index])
            sum.withUnsafeMutableBufferPointer { s in
                let offset = range.lowerBound
                Self.update(
                    parameters.baseAddress! + offset, gradients.baseAddress! + offset, s.baseAddress! + offset,
                    count: range.count, hyperparameters: h, step: t)
            }
        }
    }

    @inline(__always)
    private static func update(
        _ p: UnsafeMutablePointer<Scalar>, _ grad: UnsafePointer<Scalar>, _ s: UnsafeMutablePointer<Scalar>,
        count: Int, hyperparameters h: AdagradHyperparameters, step t: Double
    ) {
        let weightDecay = Scalar(h.weightDecay), useDecay = h.weightDecay != 0
        let negativeRate = Scalar(-(h.learningRate / (1 + (t - 1) * h.learningRateDecay)))
        let eps = Scalar(h.epsilon)
        for i in 0..<count {
            var g = h.maximize ? -grad[i] : grad[i]
            if useDecay { g = g + weightDecay * p[i] }
            s[i] = s[i] + g * g
            p[i] = p[i] + negativeRate * g / (s[i].squareRoot() + eps)
        }
    }
}

extension Adagrad: Codable where Scalar: Codable {}
