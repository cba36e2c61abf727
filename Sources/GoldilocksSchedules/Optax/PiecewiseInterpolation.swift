import GoldilocksSpec
import Foundation

/// optax's `piecewise_interpolate_schedule`: the value at each boundary is the running
/// product of the scales, and in between it is interpolated linearly or by half a cosine.
///
/// `bounds = [0] + boundaries`, `values = cumprod([initial] + scales)`; on `[b_i, b_{i+1})`
/// with `pct = (t − b_i) / max(b_{i+1} − b_i, 1)`: linear `(e − s)·pct + s`, cosine
/// `e + (s − e)/2 · (cos(π pct) + 1)`. Past the last boundary, its value; before 0, 0.
/// optax's `linear_onecycle_schedule` and `cosine_onecycle_schedule` are made of it.
public struct PiecewiseInterpolation: LearningRateSchedule, Codable, Equatable {
    /// How values are interpolated between boundaries.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// A straight line.
        case linear
        /// Half a cosine.
        case cosine
    }

    /// The interpolation.
    public var kind: Kind
    /// The value at step 0.
    public var initial: Double
    /// The boundaries, increasing.
    public var boundaries: [Int]
    /// The scale of each boundary's value over the previous one.
    public var scales: [Double]

    /// An interpolated schedule; throws on a negative scale.
    public init(kind: Kind, initial: Double, boundariesAndScales: [Int: Double]) throws(SpecError) {
        guard boundariesAndScales.values.allSatisfy({ $0 >= 0 }) else {
            throw SpecError.inconsistent(owner: nil, reason: "piecewise_interpolate_schedule expects non-negative scale factors")
        }
        let sorted = boundariesAndScales.sorted { $0.key < $1.key }
        self.kind = kind
        self.initial = initial
        self.boundaries = sorted.map(\.key)
        self.scales = sorted.map(\.value)
    }

    /// optax's `linear_onecycle_schedule`: `peak/div` → `peak` at `int(pct_start·T)` → `peak/div`
    /// at `int(pct_final·T)` → `peak/(div·final_div)` at `T`, linearly. Defaults follow optax.
    public static func linearOneCycle(
        transitionSteps: Int, peak: Double, pctStart: Double = 0.3, pctFinal: Double = 0.85, divFactor: Double = 25,
        finalDivFactor: Double = 1e4
    ) throws(SpecError) -> PiecewiseInterpolation {
        guard transitionSteps > 0 else { throw SpecError.outOfRange(owner: "linear_onecycle_schedule", parameter: "transition_steps", requirement: "positive", value: "\(transitionSteps)") }
        guard divFactor > 0, finalDivFactor > 0 else { throw SpecError.inconsistent(owner: "linear_onecycle_schedule", reason: "div_factor and final_div_factor must be positive") }
        let total = Double(transitionSteps)
        var table: [Int: Double] = [:]
        // A later key replaces an equal earlier one, as in the Python dict literal.
        for (boundary, scale) in [(pythonInt(pctStart * total), divFactor), (pythonInt(pctFinal * total), 1 / divFactor), (transitionSteps, 1 / finalDivFactor)] {
            table[boundary] = scale
        }
        return try PiecewiseInterpolation(kind: .linear, initial: peak / divFactor, boundariesAndScales: table)
    }

    /// optax's `cosine_onecycle_schedule`: `peak/div` → `peak` at `int(pct_start·T)` →
    /// `peak/(div·final_div)` at `T`, by half cosines. Defaults follow optax.
    public static func cosineOneCycle(
        transitionSteps: Int, peak: Double, pctStart: Double = 0.3, divFactor: Double = 25, finalDivFactor: Double = 1e4
    ) throws(SpecError) -> PiecewiseInterpolation {
        guard transitionSteps > 0 else { throw SpecError.outOfRange(owner: "cosine_onecycle_schedule", parameter: "transition_steps", requirement: "positive", value: "\(transitionSteps)") }
        guard divFactor > 0, finalDivFactor > 0 else { throw SpecError.inconsistent(owner: "cosine_onecycle_schedule", reason: "div_factor and final_div_factor must be positive") }
        var table: [Int: Double] = [:]
        for (boundary, scale) in [(pythonInt(pctStart * Double(transitionSteps)), divFactor), (transitionSteps, 1 / (divFactor * finalDivFactor))] {
            table[boundary] = scale
        }
        return try PiecewiseInterpolation(kind: .cosine, initial: peak / divFactor, boundariesAndScales: table)
    }

    public func callAsFunction(_ step: Int) -> Double {
        // The sum over intervals mirrors optax's `indicator.dot(...)`, including its handling of
        // boundaries below 0 (the implicit first bound).
        var result = 0.0
        var start = 0
        var value = initial
        for (boundary, scale) in zip(boundaries, scales) {
            let next = value * scale
            if start <= step && step < boundary {
                let pct = Double(step - start) / Double(max(boundary - start, 1))
                switch kind {
                case .linear: result += (next - value) * pct + value
                case .cosine: result += next + (value - next) / 2 * (cos(Double.pi * pct) + 1)
                }
            }
            start = boundary
            value = next
        }
        return step >= start ? result + value : result
    }
}

/// Python's `int(x)` for a finite double: truncation toward zero, saturating.
func pythonInt(_ x: Double) -> Int {
    guard x.isFinite else { return 0 }
    return Int(exactly: x.rounded(.towardZero)) ?? (x < 0 ? Int.min : Int.max)
}
