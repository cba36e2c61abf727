import GoldilocksSpec
import Foundation

/// PyTorch's `PolynomialLR`: the learning rate decays to 0 over `totalIterations` steps.
///
/// `lr(t) = b · (1 − min(T, t) / T)^power`; 0 from `T` on. With `T = 0` PyTorch keeps `b`.
/// Defaults follow PyTorch: `total_iters` 5, `power` 1.
public struct PolynomialDecay: PyTorchScheduler, Codable, Equatable {
    /// The optimizer's learning rate, PyTorch's `base_lr`.
    public var learningRate: Double
    /// Steps until the learning rate reaches 0 (PyTorch's `total_iters`).
    public var totalIterations: Int
    /// The power of the polynomial.
    public var power: Double

    /// A polynomial decay to zero; throws if `totalIterations` or `power` is negative.
    public init(learningRate: Double, totalIterations: Int = 5, power: Double = 1) throws(SpecError) {
        guard totalIterations >= 0 else { throw SpecError.outOfRange(owner: "PolynomialLR", parameter: "total_iters", requirement: "≥ 0", value: "\(totalIterations)") }
        guard power >= 0 else { throw SpecError.outOfRange(owner: "PolynomialLR", parameter: "power", requirement: "≥ 0 (PyTorch divides by zero at total_iters otherwise)", value: "\(power)") }
        self.learningRate = learningRate
        self.totalIterations = totalIterations
        self.power = power
    }

    public func callAsFunction(_ step: Int) -> Double {
        guard totalIterations > 0 else { return learningRate }
        let done = Double(min(totalIterations, max(step, 0)))
        return learningRate * pow(1 - done / Double(totalIterations), power)
    }

    /// `lr · ((1 − t/T) / (1 − (t−1)/T))^power` for `0 < t ≤ T`, else `lr`.
    public func learningRate(at epoch: Int, current: Double) -> Double {
        if epoch == 0 || epoch > totalIterations { return current }
        let total = Double(totalIterations)
        return current * pow((1 - Double(epoch) / total) / (1 - Double(epoch - 1) / total), power)
    }
}
