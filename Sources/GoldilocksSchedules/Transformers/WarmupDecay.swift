import GoldilocksSpec
import Foundation

/// The Hugging Face transformers schedules: a linear warmup from 0, then a decay shape, all
/// as multipliers of the optimizer's learning rate (`LambdaLR`: `lr(t) = b · λ(t)`).
///
/// Warmup: `λ(t) = t / max(1, W)` for `t < W`. After it, with `N` training steps and
/// `p = (t − W) / max(1, N − W)`:
/// - constant: `1`
/// - linear: `max(0, (N − t) / max(1, N − W))`
/// - cosine: `max(0, ½(1 + cos(2π · cycles · p)))`, unclamped, so it climbs back past `N`
/// - hard restarts: `0` once `p ≥ 1`, else `max(0, ½(1 + cos(π · ((cycles · p) mod 1))))`
/// - polynomial: `((b − end)(1 − (t − W)/(N − W))^power + end) / b`, and `end / b` past `N`
/// - inverse square root: `1 / √((t + timescale − W) / timescale)`
public struct WarmupDecay: PyTorchScheduler, Codable, Equatable {
    /// What follows the warmup.
    public enum Shape: Codable, Sendable, Equatable {
        /// `get_constant_schedule_with_warmup`: stays at the learning rate.
        case constant
        /// `get_linear_schedule_with_warmup`: straight down to 0 at `trainingSteps`.
        case linear
        /// `get_cosine_schedule_with_warmup` (transformers' default `num_cycles` is 0.5: half a cosine).
        case cosine(cycles: Double)
        /// `get_cosine_with_hard_restarts_schedule_with_warmup`: `cycles` cosines, each restarting at the top.
        case hardRestarts(cycles: Int)
        /// `get_polynomial_decay_schedule_with_warmup`: down to `end` (default 1e-7) with `power` (default 1).
        case polynomial(end: Double, power: Double)
        /// `get_inverse_sqrt_schedule`: `timescale` defaults to the warmup steps, or 10 000 without warmup.
        case inverseSquareRoot(timescale: Int)
    }

    /// The optimizer's learning rate.
    public var learningRate: Double
    /// Steps of linear warmup from 0 (transformers' `num_warmup_steps`).
    public var warmupSteps: Int
    /// The length of training (`num_training_steps`); unused by constant and inverse square root.
    public var trainingSteps: Int
    /// The shape after warmup.
    public var shape: Shape

    /// A transformers schedule; throws on negative step counts and on the divisions by zero
    /// transformers would hit (polynomial with `N = W`, a zero timescale, `lr ≤ lr_end`).
    public init(learningRate: Double, warmupSteps: Int, trainingSteps: Int = 0, shape: Shape) throws(SpecError) {
        guard warmupSteps >= 0 else { throw SpecError.outOfRange(owner: nil, parameter: "num_warmup_steps", requirement: "≥ 0", value: "\(warmupSteps)") }
        guard trainingSteps >= 0 else { throw SpecError.outOfRange(owner: nil, parameter: "num_training_steps", requirement: "≥ 0", value: "\(trainingSteps)") }
        switch shape {
        case .polynomial(let end, let power):
            guard power >= 0 else { throw SpecError.outOfRange(owner: nil, parameter: "power", requirement: "≥ 0 (transformers divides by zero at num_training_steps otherwise)", value: "\(power)") }
            guard learningRate > end else { throw SpecError.inconsistent(owner: nil, reason: "lr_end (\(end)) must be smaller than the initial lr (\(learningRate))") }
            guard trainingSteps != warmupSteps else {
                throw SpecError.inconsistent(
                    owner: nil,
                    reason: "the polynomial decay needs num_training_steps ≠ num_warmup_steps (both \(trainingSteps)); transformers divides by their difference")
            }
        case .inverseSquareRoot(let timescale):
            guard timescale > 0 else { throw SpecError.outOfRange(owner: nil, parameter: "timescale", requirement: "positive", value: "\(timescale)") }
        default: break
        }
        self.learningRate = learningRate
        self.warmupSteps = warmupSteps
        self.trainingSteps = trainingSteps
        self.shape = shape
    }

    /// The multiplier `λ(t)` of the learning rate.
    public func multiplier(_ step: Int) -> Double {
        let t = Double(step)
        let warmup = Double(warmupSteps)
        let total = Double(trainingSteps)
        if step < warmupSteps { return t / Double(max(1, warmupSteps)) }
        let progress = Double(step - warmupSteps) / Double(max(1, trainingSteps - warmupSteps))
        switch shape {
        case .constant:
            return 1
        case .linear:
            return max(0, Double(trainingSteps - step) / Double(max(1, trainingSteps - warmupSteps)))
        case .cosine(let cycles):
            return max(0, 0.5 * (1.0 + cos(Double.pi * cycles * 2.0 * progress)))
        case .hardRestarts(let cycles):
            if progress >= 1 { return 0 }
            let turn = Double(cycles) * progress
            let fraction = turn - (turn / 1.0).rounded(.down)
            return max(0, 0.5 * (1.0 + cos(Double.pi * fraction)))
        case .polynomial(let end, let power):
            if step > trainingSteps { return end / learningRate }
            let remaining = 1 - (t - warmup) / (total - warmup)
            return ((learningRate - end) * pow(remaining, power) + end) / learningRate
        case .inverseSquareRoot(let timescale):
            let scale = Double(timescale)
            return 1.0 / ((t + (scale - warmup)) / scale).squareRoot()
        }
    }

    public func callAsFunction(_ step: Int) -> Double {
        learningRate * multiplier(step)
    }
}
