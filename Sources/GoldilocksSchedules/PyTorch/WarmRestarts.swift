import GoldilocksSpec
import Foundation

/// PyTorch's `CosineAnnealingWarmRestarts` (SGDR, Loshchilov & Hutter 2017): cosine annealing
/// that restarts at the full learning rate, each cycle `periodMultiplier` times longer.
///
/// `lr = eta_min + (b − eta_min) · (1 + cos(π T_cur / T_i)) / 2`, where each `step()` does
/// `T_cur += 1; if T_cur ≥ T_i { T_cur −= T_i; T_i *= T_mult }`, so `eta_min` itself is never
/// reached on whole steps. Defaults follow PyTorch: `T_mult` 1, `eta_min` 0.
public struct WarmRestarts: PyTorchScheduler, Codable, Equatable {
    /// The optimizer's learning rate, PyTorch's `base_lr`.
    public var learningRate: Double
    /// The length of the first cycle, PyTorch's `T_0`.
    public var firstPeriod: Int
    /// The growth of each cycle's length, PyTorch's `T_mult` (a whole number ≥ 1).
    public var periodMultiplier: Int
    /// The lowest learning rate, PyTorch's `eta_min`.
    public var minimum: Double

    /// Warm restarts; throws unless `firstPeriod` ≥ 1 and `periodMultiplier` ≥ 1.
    public init(learningRate: Double, firstPeriod: Int, periodMultiplier: Int = 1, minimum: Double = 0) throws(SpecError) {
        guard firstPeriod >= 1 else { throw SpecError.outOfRange(
                owner: "CosineAnnealingWarmRestarts", parameter: "T_0", requirement: "a positive integer", value: "\(firstPeriod)") }
        guard periodMultiplier >= 1 else {
            throw SpecError.outOfRange(owner: "CosineAnnealingWarmRestarts", parameter: "T_mult", requirement: "an integer ≥ 1", value: "\(periodMultiplier)")
        }
        self.learningRate = learningRate
        self.firstPeriod = firstPeriod
        self.periodMultiplier = periodMultiplier
        self.minimum = minimum
    }

    /// The position in the current cycle and that cycle's length at `step`.
    public func cycle(at step: Int) -> (position: Int, length: Int) {
        var position = max(step, 0)
        var length = firstPeriod
        if periodMultiplier == 1 { return (position % length, length) }
        while position >= length {
            position -= length
            let (next, overflow) = length.multipliedReportingOverflow(by: periodMultiplier)
            if overflow { break }
            length = next
        }
        return (position, length)
    }

    public func callAsFunction(_ step: Int) -> Double {
        let (position, length) = cycle(at: step)
        return minimum + (learningRate - minimum) * (1 + cos(Double.pi * Double(position) / Double(length))) / 2
    }
}
