import GoldilocksSpec
import Foundation

/// PyTorch's `OneCycleLR` (Smith & Topin 2018): warm up to `maximum`, anneal far below the
/// start, with momentum moving the other way.
///
/// Starts at `initial = max/div`, ends at `min = initial/final_div`. Phase ends are floats:
/// `pct·T − 1`, (three-phase) `2·pct·T − 2`, and `T − 1`. Two phases: initial→max,
/// max→min; three phases: initial→max, max→initial, initial→min. Within a phase
/// `pct = (t − start)/(end − start)`, annealed by cosine `e + (s − e)/2 · (cos(π pct) + 1)` or
/// linearly. Step `T` extrapolates; PyTorch raises past it, so `lastStep` is `T`.
/// Defaults follow PyTorch: `pct_start` 0.3, cos, momentum 0.85–0.95 cycled, `div_factor` 25,
/// `final_div_factor` 1e4, two phases.
public struct OneCycle: PyTorchScheduler, Codable, Equatable {
    /// How a phase moves from its start to its end value.
    public enum Annealing: String, Codable, Sendable, CaseIterable {
        /// Half a cosine.
        case cos
        /// A straight line.
        case linear
    }

    /// The peak learning rate, PyTorch's `max_lr`.
    public var maximum: Double
    /// The number of steps in the cycle, PyTorch's `total_steps`.
    public var totalSteps: Int
    /// The fraction of the cycle spent warming up.
    public var warmupFraction: Double
    /// The annealing shape.
    public var annealing: Annealing
    /// The momentum bounds, or `nil` when momentum is not cycled.
    public var momentumCycle: MomentumCycle?
    /// `maximum / divFactor` is the starting learning rate.
    public var divFactor: Double
    /// The starting learning rate over `finalDivFactor` is the final one.
    public var finalDivFactor: Double
    /// Whether to come back down to the start before the final annealing.
    public var threePhase: Bool

    /// A one-cycle schedule; throws on a non-positive length, a `warmupFraction` outside [0, 1],
    /// or a phase of zero length that PyTorch would divide by.
    public init(
        maximum: Double, totalSteps: Int, warmupFraction: Double = 0.3, annealing: Annealing = .cos,
        momentumCycle: MomentumCycle? = MomentumCycle(base: 0.85, maximum: 0.95), divFactor: Double = 25, finalDivFactor: Double = 1e4,
        threePhase: Bool = false
    ) throws(SpecError) {
        guard totalSteps >= 1 else { throw SpecError.outOfRange(owner: "OneCycleLR", parameter: "total_steps", requirement: "a positive integer", value: "\(totalSteps)") }
        guard warmupFraction >= 0, warmupFraction <= 1 else {
            throw SpecError.outOfRange(owner: "OneCycleLR", parameter: "pct_start", requirement: "in [0, 1]", value: "\(warmupFraction)")
        }
        guard divFactor > 0, finalDivFactor > 0 else {
            throw SpecError.outOfRange(
                owner: "OneCycleLR", parameter: "div_factor and final_div_factor", requirement: "positive",
                value: "\(divFactor) and \(finalDivFactor)")
        }
        self.maximum = maximum
        self.totalSteps = totalSteps
        self.warmupFraction = warmupFraction
        self.annealing = annealing
        self.momentumCycle = momentumCycle
        self.divFactor = divFactor
        self.finalDivFactor = finalDivFactor
        self.threePhase = threePhase
        if phaseEnds[0] == 0 {
            throw SpecError.inconsistent(
                owner: "OneCycleLR",
                reason: "pct_start · total_steps = 1 gives a warmup of zero length (PyTorch divides by zero); change pct_start or total_steps")
        }
    }

    /// The float step at which each phase ends.
    private var phaseEnds: [Double] {
        let total = Double(totalSteps)
        let last = Double(totalSteps - 1)
        return threePhase
            ? [warmupFraction * total - 1, 2 * warmupFraction * total - 2, last]
            : [warmupFraction * total - 1, last]
    }

    /// The phase of `step` and the fraction of it done.
    private func position(_ step: Int) -> (phase: Int, fraction: Double) {
        let t = Double(step)
        let ends = phaseEnds
        var start = 0.0
        for (index, end) in ends.enumerated() {
            if t <= end || index == ends.count - 1 {
                return (index, (t - start) / (end - start))
            }
            start = end
        }
        return (ends.count - 1, 1)
    }

    private func anneal(_ start: Double, _ end: Double, _ fraction: Double) -> Double {
        switch annealing {
        case .cos: end + (start - end) / 2.0 * (cos(Double.pi * fraction) + 1)
        case .linear: (end - start) * fraction + start
        }
    }

    public func callAsFunction(_ step: Int) -> Double {
        let initial = maximum / divFactor
        let minimum = initial / finalDivFactor
        let (phase, fraction) = position(step)
        let (start, end) =
            threePhase
            ? [(initial, maximum), (maximum, initial), (initial, minimum)][phase]
            : [(initial, maximum), (maximum, minimum)][phase]
        return anneal(start, end, fraction)
    }

    public func momentum(at step: Int) -> Double? {
        guard let momentumCycle else { return nil }
        let (low, high) = (momentumCycle.base, momentumCycle.maximum)
        let (phase, fraction) = position(step)
        let (start, end) = threePhase ? [(high, low), (low, high), (high, high)][phase] : [(high, low), (low, high)][phase]
        return anneal(start, end, fraction)
    }

    public var lastStep: Int? { totalSteps }
}
