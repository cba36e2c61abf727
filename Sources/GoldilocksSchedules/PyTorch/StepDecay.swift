import GoldilocksSpec
import Foundation

/// PyTorch's `StepLR`: the learning rate times `gamma` every `stepSize` steps.
///
/// `lr(t) = b · gamma^⌊t / stepSize⌋`. Defaults follow PyTorch: `gamma` 0.1.
public struct StepDecay: PyTorchScheduler, Codable, Equatable {
    /// The optimizer's learning rate, PyTorch's `base_lr`.
    public var learningRate: Double
    /// Steps between two decays (PyTorch's `step_size`), at least 1.
    public var stepSize: Int
    /// The factor applied at each decay.
    public var gamma: Double

    /// A step decay; throws unless `stepSize` ≥ 1.
    public init(learningRate: Double, stepSize: Int, gamma: Double = 0.1) throws(SpecError) {
        guard stepSize >= 1 else { throw SpecError.outOfRange(owner: "StepLR", parameter: "step_size", requirement: "at least 1", value: "\(stepSize)") }
        self.learningRate = learningRate
        self.stepSize = stepSize
        self.gamma = gamma
    }

    public func callAsFunction(_ step: Int) -> Double {
        learningRate * pow(gamma, Double(floorDivide(step, stepSize)))
    }

    /// `lr · gamma` when `t` is a non-zero multiple of `stepSize`, else `lr`.
    public func learningRate(at epoch: Int, current: Double) -> Double {
        epoch != 0 && epoch % stepSize == 0 ? current * gamma : current
    }
}
