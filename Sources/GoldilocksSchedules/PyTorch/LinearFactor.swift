import GoldilocksSpec

/// PyTorch's `LinearLR`: the factor on the learning rate moves linearly from `startFactor` to
/// `endFactor` over `totalIterations` steps (a linear warmup when the end factor is 1).
///
/// `lr(t) = b · (sf + (ef − sf) · min(T, t) / T)`; with `T = 0` PyTorch stays at `b · sf`.
/// Defaults follow PyTorch: `start_factor` 1/3, `end_factor` 1, `total_iters` 5.
public struct LinearFactor: PyTorchScheduler, Codable, Equatable {
    /// The optimizer's learning rate, PyTorch's `base_lr`.
    public var learningRate: Double
    /// The factor at step 0, in (0, 1].
    public var startFactor: Double
    /// The factor from `totalIterations` on, in [0, 1].
    public var endFactor: Double
    /// The length of the ramp (PyTorch's `total_iters`).
    public var totalIterations: Int

    /// A linear ramp of the factor; throws on factors outside PyTorch's ranges.
    public init(learningRate: Double, startFactor: Double = 1.0 / 3, endFactor: Double = 1, totalIterations: Int = 5) throws(SpecError) {
        guard startFactor > 0, startFactor <= 1 else {
            throw SpecError.outOfRange(owner: "LinearLR", parameter: "start_factor", requirement: "in (0, 1]", value: "\(startFactor)")
        }
        guard endFactor >= 0, endFactor <= 1 else { throw SpecError.outOfRange(owner: "LinearLR", parameter: "end_factor", requirement: "in [0, 1]", value: "\(endFactor)") }
        guard totalIterations >= 0 else { throw SpecError.outOfRange(owner: "LinearLR", parameter: "total_iters", requirement: "≥ 0", value: "\(totalIterations)") }
        self.learningRate = learningRate
        self.startFactor = startFactor
        self.endFactor = endFactor
        self.totalIterations = totalIterations
    }

    public func callAsFunction(_ step: Int) -> Double {
        guard totalIterations > 0 else { return learningRate * startFactor }
        let done = Double(min(totalIterations, max(step, 0)))
        return learningRate * (startFactor + (endFactor - startFactor) * done / Double(totalIterations))
    }

    /// `lr · sf` at 0; `lr · (1 + (ef − sf) / (T·sf + (t − 1)(ef − sf)))` up to `T`; then `lr`.
    public func learningRate(at epoch: Int, current: Double) -> Double {
        if epoch == 0 { return current * startFactor }
        if epoch > totalIterations { return current }
        let slope = endFactor - startFactor
        return current * (1 + slope / (Double(totalIterations) * startFactor + Double(epoch - 1) * slope))
    }
}
