import Foundation

/// PyTorch's `ExponentialLR`: the learning rate times `gamma` every step.
///
/// `lr(t) = b · gamma^t`.
public struct GeometricDecay: PyTorchScheduler, Codable, Equatable {
    /// The optimizer's learning rate, PyTorch's `base_lr`.
    public var learningRate: Double
    /// The factor applied each step.
    public var gamma: Double

    /// A per-step geometric decay.
    public init(learningRate: Double, gamma: Double) {
        self.learningRate = learningRate
        self.gamma = gamma
    }

    public func callAsFunction(_ step: Int) -> Double {
        learningRate * pow(gamma, Double(step))
    }

    /// `lr · gamma` after the initial step.
    public func learningRate(at epoch: Int, current: Double) -> Double {
        epoch == 0 ? current : current * gamma
    }
}
