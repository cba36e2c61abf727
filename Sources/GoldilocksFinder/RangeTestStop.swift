/// Why a range test ended.
public enum RangeTestStop: Sendable, Codable, Equatable {
    /// Every step of the sweep ran.
    case completed
    /// The smoothed loss at `step` exceeded `factor` times the best smoothed loss so far.
    case diverged(step: Int, factor: Double)
    /// The loss at `step` was NaN or ±Inf (both libraries ran on through these; we stop).
    case nonFinite(step: Int)

    /// Whether the test ended before the sweep's last step.
    public var isEarly: Bool { self != .completed }
}

extension RangeTestStop: CustomStringConvertible {
    /// In words: "diverged at step 83 (smoothed loss above 4 × the best)".
    public var description: String {
        switch self {
        case .completed: "completed every step"
        case .diverged(let step, let factor): "diverged at step \(step) (smoothed loss above \(factor) × the best)"
        case .nonFinite(let step): "stopped at step \(step): the loss is not finite"
        }
    }
}
