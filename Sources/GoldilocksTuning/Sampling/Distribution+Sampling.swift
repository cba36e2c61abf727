import Foundation
import GoldilocksCore

extension Distribution {
    /// Whether floats are drawn uniformly in log space: asked for, and possible (a range of
    /// positive numbers). A log range reaching 0 or below is drawn linearly rather than as NaN.
    var isLogScaled: Bool {
        if case .float(let low, _, let log) = self { log && low > 0 } else { false }
    }

    /// A value drawn uniformly from the distribution (log-uniformly for a log-scaled float), as
    /// Optuna's `RandomSampler` draws it; nil for a categorical with no choices.
    func randomValue(using generator: inout SeededGenerator) -> ParameterValue? {
        let u = generator.nextUnitDouble()
        switch self {
        case .float(let low, let high, _):
            let value = isLogScaled ? exp(Foundation.log(low) + u * (Foundation.log(high) - Foundation.log(low))) : low + u * (high - low)
            return clamped(value)
        case .categorical(let choices):
            guard !choices.isEmpty else { return nil }
            return .choice(choices[min(Int(u * Double(choices.count)), choices.count - 1)])
        }
    }

    /// The parameter value for internal value `x` (a float, or a choice's index), a float kept
    /// inside the range: exp(log x) may land an ulp outside it, and the storage refuses a value
    /// outside its distribution. Nil for an index that names no choice.
    func clamped(_ x: Double) -> ParameterValue? {
        switch self {
        case .float(let low, let high, _):
            return .float(x.isNaN ? low : min(max(x, low), high))
        case .categorical(let choices):
            guard x.isFinite, x >= 0, x < Double(choices.count) else { return nil }
            return .choice(choices[Int(x)])
        }
    }
}
