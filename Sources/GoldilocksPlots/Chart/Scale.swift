import Foundation

/// How an axis maps values to positions.
public enum Scale: String, Sendable, Codable, CaseIterable {
    /// Equal distances for equal differences.
    case linear
    /// Equal distances for equal ratios (a true logarithm: no linear part near zero); values ≤ 0
    /// cannot be shown and leave gaps.
    case log

    /// The value in the axis' own coordinates: itself, or log₁₀ of it; nil when it cannot be shown.
    func transform(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        switch self {
        case .linear: return value
        case .log: return value > 0 ? log10(value) : nil
        }
    }
}
