import GoldilocksSpec

/// PyTorch's `ConstantLR`: the learning rate times `factor` for the first `totalIterations` steps.
///
/// `lr(t) = b · factor` for `t < T`, then `b`. With `T = 0` PyTorch's recursion never restores
/// the rate, so it stays `b · factor`. Defaults follow PyTorch: `factor` 1/3, `total_iters` 5.
public struct ConstantFactor: PyTorchScheduler, Codable, Equatable {
    /// The optimizer's learning rate, PyTorch's `base_lr`.
    public var learningRate: Double
    /// The factor applied before `totalIterations`, in (0, 1].
    public var factor: Double
    /// The step at which the full learning rate comes back (PyTorch's `total_iters`).
    public var totalIterations: Int

    /// A constant factor; throws unless `0 < factor ≤ 1` and `totalIterations ≥ 0`.
    public init(learningRate: Double, factor: Double = 1.0 / 3, totalIterations: Int = 5) throws(SpecError) {
        guard factor > 0, factor <= 1 else {
            throw SpecError.outOfRange(owner: "ConstantLR", parameter: "factor", requirement: "in (0, 1] (PyTorch divides by it at total_iters)", value: "\(factor)")
        }
        guard totalIterations >= 0 else { throw SpecError.outOfRange(owner: "ConstantLR", parameter: "total_iters", requirement: "≥ 0", value: "\(totalIterations)") }
        self.learningRate = learningRate
        self.factor = factor
        self.totalIterations = totalIterations
    }

    public func callAsFunction(_ step: Int) -> Double {
        step < totalIterations || totalIterations == 0 ? learningRate * factor : learningRate
    }

    /// `lr · factor` at 0, `lr · (1 / factor)` at `T`, else `lr`.
    public func learningRate(at epoch: Int, current: Double) -> Double {
        if epoch == 0 { return current * factor }
        return epoch == totalIterations ? current * (1.0 / factor) : current
    }
}
