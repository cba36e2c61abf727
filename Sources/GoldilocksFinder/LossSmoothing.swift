import Foundation

/// How a range test smooths the mini-batch losses before judging divergence and suggesting.
public enum LossSmoothing: Sendable, Codable, Equatable {
    /// fastai's `AvgSmoothLoss`: an exponential moving average started at 0 and debiased,
    /// `v = lerp(loss, v, β)`, `smoothed = v / (1 - β^t)` at step `t = 1, 2, …`.
    /// The lerp is evaluated as `torch.lerp` does for weights ≥ 0.5: `v - (v - loss)(1 - β)`.
    case debiased(beta: Double)
    /// torch-lr-finder's `smooth_f`: the first loss as is, then
    /// `smoothed = f * loss + (1 - f) * previous smoothed`; no debiasing.
    case seeded(factor: Double)
    /// The raw losses.
    case none

    /// fastai's default, a debiased EMA with β = 0.98.
    public static let fastai = LossSmoothing.debiased(beta: 0.98)
    /// torch-lr-finder's default, `smooth_f` = 0.05 (an EMA with β = 0.95 seeded with the first loss).
    public static let torchLRFinder = LossSmoothing.seeded(factor: 0.05)

    /// Throws unless β (or f) is in [0, 1), as both libraries require.
    func validate() throws(RangeTestError) {
        switch self {
        case .debiased(let beta) where !(0..<1).contains(beta):
            throw .smoothingBetaOutOfRange(beta)
        case .seeded(let factor) where !(0..<1).contains(factor):
            throw .smoothingFactorOutOfRange(factor)
        default: break
        }
    }

    /// The smoothed values of a whole sequence of losses.
    public func smooth(_ losses: [Double]) -> [Double] {
        var smoother = Smoother(self)
        return losses.map { smoother.next($0) }
    }

    /// The running state of a smoothing: feed one loss, get the smoothed value.
    struct Smoother {
        let smoothing: LossSmoothing
        var value = 0.0
        var count = 0

        init(_ smoothing: LossSmoothing) { self.smoothing = smoothing }

        mutating func next(_ loss: Double) -> Double {
            count += 1
            switch smoothing {
            case .debiased(let beta):
                value = value - (value - loss) * (1 - beta)
                return value / (1 - pow(beta, Double(count)))
            case .seeded(let factor):
                value = count == 1 || factor == 0 ? loss : factor * loss + (1 - factor) * value
                return value
            case .none:
                return loss
            }
        }
    }
}
