import Foundation

/// PyTorch's `MultiStepLR`: the learning rate times `gamma` at each milestone.
///
/// `lr(t) = b · gamma^(number of milestones ≤ t)`; a milestone listed twice decays twice, in any
/// order. Defaults follow PyTorch: `gamma` 0.1.
public struct MultiStepDecay: PyTorchScheduler, Codable, Equatable {
    /// The optimizer's learning rate, PyTorch's `base_lr`.
    public var learningRate: Double
    /// The steps at which the learning rate decays, sorted.
    public var milestones: [Int]
    /// The factor applied at each milestone.
    public var gamma: Double

    /// A multi-step decay (milestones in any order, repeats allowed).
    public init(learningRate: Double, milestones: [Int], gamma: Double = 0.1) {
        self.learningRate = learningRate
        self.milestones = milestones.sorted()
        self.gamma = gamma
    }

    public func callAsFunction(_ step: Int) -> Double {
        learningRate * pow(gamma, Double(milestones.count { $0 <= step }))
    }

    /// `lr · gamma^(times t is listed)`.
    public func learningRate(at epoch: Int, current: Double) -> Double {
        let hits = milestones.count { $0 == epoch }
        return hits == 0 ? current : current * pow(gamma, Double(hits))
    }
}
