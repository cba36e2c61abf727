import GoldilocksSpec
import Foundation

/// PyTorch's `CosineAnnealingLR`: half a cosine from the learning rate down to `minimum`
/// over `maximumSteps` steps.
///
/// `lr(t) = eta_min + (b − eta_min) · (1 + cos(π t / T_max)) / 2`. There is no clamp: past
/// `T_max` the learning rate climbs back, with period `2 T_max`, exactly as PyTorch does.
/// Defaults follow PyTorch: `eta_min` 0.
public struct CosineAnnealing: PyTorchScheduler, Codable, Equatable {
    /// The optimizer's learning rate, PyTorch's `base_lr`.
    public var learningRate: Double
    /// Half the period, PyTorch's `T_max`.
    public var maximumSteps: Int
    /// The lowest learning rate, PyTorch's `eta_min`.
    public var minimum: Double

    /// A cosine annealing; throws unless `maximumSteps` ≥ 1.
    public init(learningRate: Double, maximumSteps: Int, minimum: Double = 0) throws(SpecError) {
        guard maximumSteps >= 1 else { throw SpecError.outOfRange(owner: "CosineAnnealingLR", parameter: "T_max", requirement: "at least 1", value: "\(maximumSteps)") }
        self.learningRate = learningRate
        self.maximumSteps = maximumSteps
        self.minimum = minimum
    }

    public func callAsFunction(_ step: Int) -> Double {
        minimum + (learningRate - minimum) * (1 + cos(Double.pi * Double(step) / Double(maximumSteps))) / 2
    }

    /// PyTorch's recursion: the ratio of consecutive cosines applied to `lr − eta_min`, and an
    /// additive step out of the trough where that ratio would be 0/0.
    public func learningRate(at epoch: Int, current: Double) -> Double {
        if epoch == 0 { return current }
        let period = Double(maximumSteps)
        if floorModulo(epoch - 1 - maximumSteps, 2 * maximumSteps) == 0 {
            return current + (learningRate - minimum) * (1 - cos(Double.pi / period)) / 2
        }
        return (1 + cos(Double.pi * Double(epoch) / period)) / (1 + cos(Double.pi * Double(epoch - 1) / period))
            * (current - minimum) + minimum
    }
}
