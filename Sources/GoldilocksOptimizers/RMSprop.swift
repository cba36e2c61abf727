/// RMSprop, plain, centered and with momentum, step for step PyTorch's `torch.optim.RMSprop`
/// (`_single_tensor_rmsprop`); no bias correction.
///
/// With `g = ±grad`:
/// ```
/// g ← g + wd·p                                  (if wd ≠ 0)
/// s ← α·s + (1 − α)·g²
/// a ← sqrt(s − ḡ²) with ḡ ← lerp(ḡ, g, 1 − α)   if centered, else sqrt(s);   a ← a + eps
/// b ← momentum·b + g/a;  p ← p − lr·b           if momentum > 0, else p ← p − lr·g/a
/// ```
public struct RMSprop<Scalar: BinaryFloatingPoint & Sendable>: GroupedOptimizer, Equatable {
    public private(set) var groups: [ParameterGroup<RMSpropHyperparameters>]
    /// The number of values in the flat parameter buffer.
    public let parameterCount: Int
    /// PyTorch's `square_avg`.
    var squareAverage: [Scalar]
    /// PyTorch's `grad_avg` (empty until a group is centered).
    var gradientAverage: [Scalar] = []
    /// PyTorch's `momentum_buffer` (empty until a group has momentum).
    var momentumBuffer: [Scalar] = []

    /// An optimizer for `parameterCount` parameters in the given groups.
    /// Throws when a group reaches outside the buffer, two overlap, or a group's hyper-parameters
    /// are ones PyTorch rejects.
    public init(parameterCount: Int, groups: [ParameterGroup<RMSpropHyperparameters>]) throws(OptimizerError) {
        try checkGroups(groups, parameterCount: parameterCount)
        self.parameterCount = parameterCount
        self.groups = groups
        self.squareAverage = Array(repeating: 0, count: parameterCount)
        allocateState()
    }

    /// An optimizer for `parameterCount` parameters in one group; throws as the grouped initialiser.
    public init(parameterCount: Int, hyperparameters: RMSpropHyperparameters = RMSpropHyperparameters()) throws(OptimizerError) {
        guard parameterCount >= 0 else { throw .parameterCount(parameterCount) }
        try self.init(parameterCount: parameterCount, groups: [ParameterGroup(range: 0..<parameterCount, hyperparameters: hyperparameters)])
    }

    public mutating func setHyperparameters(_ hyperparameters: RMSpropHyperparameters, forGroup index: Int) throws(OptimizerError) {
        guard groups.indices.contains(index) else { throw .noGroup(index, count: groups.count) }
        groups[index].hyperparameters = hyperparameters
        allocateState()
    }

    private mutating func allocateState() {
        if gradientAverage.isEmpty && groups.contains(where: \.hyperparameters.centered) {
            gradientAverage = Array(repeating: 0, count: parameterCount)
        }
        if momentumBuffer.isEmpty && groups.contains(where: { $0.hyperparameters.momentum > 0 }) {
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
            squareAverage.withUnsafeMutableBufferPointer { s in
                gradientAverage.withUnsafeMutableBufferPointer { ga in
                    momentumBuffer.withUnsafeMutableBufferPointer { b in
                        let offset = range.lowerBound
                        Self.update(
                            parameters.baseAddress! + offset, gradients.baseAddress! + offset, s.baseAddress! + offset,
                            h.centered ? ga.baseAddress! + offset : nil, h.momentum > 0 ? b.baseAddress! + offset : nil,
                            count: range.count, hyperparameters: h)
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func update(
        _ p: UnsafeMutablePointer<Scalar>, _ grad: UnsafePointer<Scalar>, _ s: UnsafeMutablePointer<Scalar>,
        _ ga: UnsafeMutablePointer<Scalar>?, _ buf: UnsafeMutablePointer<Scalar>?,
        count: Int, hyperparameters h: RMSpropHyperparameters
    ) {
        let weightDecay = Scalar(h.weightDecay), useDecay = h.weightDecay != 0
        let alpha = Scalar(h.alpha), oneMinusAlpha = Scalar(1 - h.alpha)
        let eps = Scalar(h.epsilon), momentum = Scalar(h.momentum), negativeRate = Scalar(-h.learningRate)
        for i in 0..<count {
            var g = h.maximize ? -grad[i] : grad[i]
            if useDecay { g = g + weightDecay * p[i] }
            s[i] = s[i] * alpha + oneMinusAlpha * g * g
            var average: Scalar
            if let ga {
                // torch.lerp's two-sided formula, written out (see Adam).
                ga[i] = abs(oneMinusAlpha) < 0.5 ? ga[i] + oneMinusAlpha * (g - ga[i]) : g - (g - ga[i]) * (1 - oneMinusAlpha)
                average = (s[i] + -1 * ga[i] * ga[i]).squareRoot()
            } else {
                average = s[i].squareRoot()
            }
            average = average + eps
            if let buf {
                buf[i] = buf[i] * momentum + g / average
                p[i] = p[i] + negativeRate * buf[i]
            } else {
                p[i] = p[i] + negativeRate * g / average
            }
        }
    }
}

extension RMSprop: Codable where Scalar: Codable {}
