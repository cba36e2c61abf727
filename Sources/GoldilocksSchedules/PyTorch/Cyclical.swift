import GoldilocksSpec
import Foundation

/// PyTorch's `CyclicLR` (Smith 2017): the learning rate goes up and down between `base` and
/// `maximum` in triangles, with momentum cycling the other way.
///
/// With `total = up + down`, `cycle = ⌊1 + t/total⌋`, `x = 1 + t/total − cycle`, the scale
/// factor is `x/ratio` on the way up and `(x − 1)/(ratio − 1)` on the way down
/// (`ratio = up/total`), and `lr = base + (max − base) · sf · scale`, where `scale` is 1
/// (triangular), `1/2^(cycle−1)` (triangular2) or `gamma^t` (exp_range). Momentum is
/// `max_m − (max_m − base_m) · sf · scale`. Defaults follow PyTorch: `step_size_up` 2000,
/// `step_size_down` = up, mode triangular, `gamma` 1, momentum 0.8–0.9, cycled.
public struct Cyclical: PyTorchScheduler, Codable, Equatable {
    /// How the amplitude changes from cycle to cycle.
    public enum Mode: String, Codable, Sendable, CaseIterable {
        /// The same triangle every cycle.
        case triangular
        /// The amplitude halves every cycle.
        case triangular2
        /// The amplitude shrinks by `gamma` every step.
        case expRange = "exp_range"
    }

    /// The lower learning rate, PyTorch's `base_lr`.
    public var base: Double
    /// The upper learning rate, PyTorch's `max_lr`.
    public var maximum: Double
    /// Steps from `base` to `maximum`.
    public var stepsUp: Int
    /// Steps from `maximum` back to `base`.
    public var stepsDown: Int
    /// The amplitude rule.
    public var mode: Mode
    /// The per-step factor of `exp_range`.
    public var gamma: Double
    /// The momentum bounds, or `nil` when momentum is not cycled.
    public var momentumCycle: MomentumCycle?

    /// A cyclical schedule; throws unless `stepsUp` ≥ 1 and `stepsDown` ≥ 0.
    public init(
        base: Double, maximum: Double, stepsUp: Int = 2000, stepsDown: Int? = nil, mode: Mode = .triangular,
        gamma: Double = 1, momentumCycle: MomentumCycle? = MomentumCycle(base: 0.8, maximum: 0.9)
    ) throws(SpecError) {
        guard stepsUp >= 1 else { throw SpecError.outOfRange(owner: "CyclicLR", parameter: "step_size_up", requirement: "at least 1", value: "\(stepsUp)") }
        guard (stepsDown ?? stepsUp) >= 0 else { throw SpecError.outOfRange(owner: "CyclicLR", parameter: "step_size_down", requirement: "≥ 0", value: "\(stepsDown ?? 0)") }
        self.base = base
        self.maximum = maximum
        self.stepsUp = stepsUp
        self.stepsDown = stepsDown ?? stepsUp
        self.mode = mode
        self.gamma = gamma
        self.momentumCycle = momentumCycle
    }

    /// The height in the triangle (0 at `base`, 1 at `maximum`) times the amplitude rule.
    private func phase(_ step: Int) -> Double {
        let t = Double(step)
        let total = Double(stepsUp) + Double(stepsDown)
        let ratio = Double(stepsUp) / total
        let cycle = (1 + t / total).rounded(.down)
        let x = 1.0 + t / total - cycle
        let scaleFactor = x <= ratio ? x / ratio : (x - 1) / (ratio - 1)
        let scale: Double =
            switch mode {
            case .triangular: 1.0
            case .triangular2: 1 / pow(2.0, cycle - 1)
            case .expRange: pow(gamma, t)
            }
        return scaleFactor * scale
    }

    public func callAsFunction(_ step: Int) -> Double {
        base + (maximum - base) * phase(step)
    }

    public func momentum(at step: Int) -> Double? {
        guard let momentumCycle else { return nil }
        return momentumCycle.maximum - (momentumCycle.maximum - momentumCycle.base) * phase(step)
    }
}
