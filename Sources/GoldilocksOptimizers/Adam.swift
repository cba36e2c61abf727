import Foundation

/// Adam, AMSGrad and AdamW, step for step PyTorch's `torch.optim.Adam`/`AdamW`
/// (`_single_tensor_adam`).
///
/// With `g = ±grad` and `t` the group's step count (from 1):
/// ```
/// p ← p·(1 − lr·wd)  if decoupled,  else g ← g + wd·p        (if wd ≠ 0)
/// m ← lerp(m, g, 1 − β1);   v ← β2·v + (1 − β2)·g²
/// v̂ ← max(v̂, v) if amsgrad (v̂ from 0), else v
/// p ← p − lr/(1 − β1ᵗ) · m / (sqrt(v̂)/sqrt(1 − β2ᵗ) + eps)
/// ```
/// Bias corrections and step size are computed in Double, as PyTorch's Python floats.
public struct Adam<Scalar: BinaryFloatingPoint & Sendable>: GroupedOptimizer, Equatable {
    public private(set) var groups: [ParameterGroup<AdamHyperparameters>]
    /// The number of values in the flat parameter buffer.
    public let parameterCount: Int
    /// PyTorch's `exp_avg`.
    var firstMoment: [Scalar]
    /// PyTorch's `exp_avg_sq`.
    var secondMoment: [Scalar]
    /// PyTorch's `max_exp_avg_sq` (empty until a group uses AMSGrad).
    var maxSecondMoment: [Scalar] = []
    /// The steps each group has taken (PyTorch's `state["step"]`).
    var stepCounts: [Int]

    /// An optimizer for `parameterCount` parameters in the given groups.
    /// Throws when a group reaches outside the buffer, two overlap, or a group's hyper-parameters
    /// are ones PyTorch rejects.
    public init(parameterCount: Int, groups: [ParameterGroup<AdamHyperparameters>]) throws(OptimizerError) {
        try checkGroups(groups, parameterCount: parameterCount)
        self.parameterCount = parameterCount
        self.groups = groups
        self.firstMoment = Array(repeating: 0, count: parameterCount)
        self.secondMoment = Array(repeating: 0, count: parameterCount)
        self.stepCounts = Array(repeating: 0, count: groups.count)
        allocateState()
    }

    /// An optimizer for `parameterCount` parameters in one group; throws as the grouped initialiser.
    public init(parameterCount: Int, hyperparameters: AdamHyperparameters = AdamHyperparameters()) throws(OptimizerError) {
        guard parameterCount >= 0 else { throw .parameterCount(parameterCount) }
        try self.init(parameterCount: parameterCount, groups: [ParameterGroup(range: 0..<parameterCount, hyperparameters: hyperparameters)])
    }

    public mutating func setHyperparameters(_ hyperparameters: AdamHyperparameters, forGroup index: Int) throws(OptimizerError) {
        guard groups.indices.contains(index) else { throw .noGroup(index, count: groups.count) }
        groups[index].hyperparameters = hyperparameters
        allocateState()
    }

    private mutating func allocateState() {
        if maxSecondMoment.isEmpty && groups.contains(where: \.hyperparameters.amsgrad) {
            maxSecondMoment = Array(repeating: 0, count: parameterCount)
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
            stepCounts[index] += 1
            let h = groups[index].hyperparameters
            let range = groups[index].range
            if range.isEmpty { continue }
            let t = Double(stepCounts[index])
            firstMoment.withUnsafeMutableBufferPointer { m in
                secondMoment.withUnsafeMutableBufferPointer { v in
                    maxSecondMoment.withUnsafeMutableBufferPointer { vmax in
                        let offset = range.lowerBound
                        Self.update(
                            parameters.baseAddress! + offset, gradients.baseAddress! + offset,
                            m.baseAddress! + offset, v.baseAddress! + offset, h.amsgrad ? vmax.baseAddress! + offset : nil,
                            count: range.count, hyperparameters: h, step: t)
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func update(
        _ p: UnsafeMutablePointer<Scalar>, _ grad: UnsafePointer<Scalar>, _ m: UnsafeMutablePointer<Scalar>,
        _ v: UnsafeMutablePointer<Scalar>, _ vmax: UnsafeMutablePointer<Scalar>?,
        count: Int, hyperparameters h: AdamHyperparameters, step t: Double
    ) {
        let lr = h.learningRate
        let decay = Scalar(h.decoupledWeightDecay ? 1 - lr * h.weightDecay : h.weightDecay)
        let useDecay = h.weightDecay != 0, decoupled = h.decoupledWeightDecay
        let weight = Scalar(1 - h.beta1), beta2 = Scalar(h.beta2), oneMinusBeta2 = Scalar(1 - h.beta2)
        let negativeStepSize = Scalar(-(lr / (1 - pow(h.beta1, t))))
        let correction2 = Scalar(pow(1 - pow(h.beta2, t), 0.5))
        let eps = Scalar(h.epsilon)
        if vmax == nil && !h.maximize && (decoupled || !useDecay) && abs(weight) < 0.5 {
            // The usual case (Adam or AdamW, β1 > 0.5) without loop-invariant branches, so the
            // loop vectorises: the same operations in the same order as below (p·1 is exact).
            let keep = decoupled && useDecay ? decay : 1
            if Scalar.self == Float.self {
                let job = AdamFloatJob(
                    p: UnsafeMutableRawPointer(p).assumingMemoryBound(to: Float.self),
                    grad: UnsafeRawPointer(grad).assumingMemoryBound(to: Float.self),
                    m: UnsafeMutableRawPointer(m).assumingMemoryBound(to: Float.self),
                    v: UnsafeMutableRawPointer(v).assumingMemoryBound(to: Float.self), count: count, keep: Float(keep),
                    weight: Float(weight), beta2: Float(beta2), oneMinusBeta2: Float(oneMinusBeta2),
                    negativeStepSize: Float(negativeStepSize), correction2: Float(correction2), eps: Float(eps))
                // Element-wise, so halves on two cores give the same bits; worth it only where the
                // update streams more memory than a core's cache holds.
                runSplit(job)
                return
            }
            for i in 0..<count {
                let g = grad[i]
                let mi = m[i] + weight * (g - m[i])
                let vi = v[i] * beta2 + oneMinusBeta2 * g * g
                m[i] = mi
                v[i] = vi
                p[i] = p[i] * keep + negativeStepSize * mi / (vi.squareRoot() / correction2 + eps)
            }
            return
        }
        for i in 0..<count {
            var g = h.maximize ? -grad[i] : grad[i]
            if useDecay {
                if decoupled { p[i] = p[i] * decay } else { g = g + decay * p[i] }
            }
            // torch.lerp's two-sided formula, written out: a generic helper in another file is not
            // specialised in incremental -O builds (measured 140 ms vs 11 ms a step for 1M floats).
            m[i] = abs(weight) < 0.5 ? m[i] + weight * (g - m[i]) : g - (g - m[i]) * (1 - weight)
            v[i] = v[i] * beta2 + oneMinusBeta2 * g * g
            var second = v[i]
            if let vmax {
                vmax[i] = Swift.max(vmax[i], second)
                second = vmax[i]
            }
            let denominator = second.squareRoot() / correction2 + eps
            p[i] = p[i] + negativeStepSize * m[i] / denominator
        }
    }
}

extension Adam: Codable where Scalar: Codable {}
