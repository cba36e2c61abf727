import Foundation

/// The scale-free measurements of a loss curve, in the order of `names`; `RunFeatures` takes them
/// of the training loss, of its part from the rate's peak on, and of the validation loss. They are
/// defined once, in scripts/diagnosis_features.py; a test checks these values against that
/// script's for a sample of real runs.
///
/// All are in log-loss units or ratios, so multiplying a loss by a constant changes none of them,
/// and none counts the points, so a log longer than the training runs' does not leave their range.
struct CurveFeatures {
    static let names = [
        "drop", "moved", "rise", "spike", "early_noise", "late_noise", "block_noise", "late_share",
        "late_over_drop", "reach10", "reach25", "reach50", "climb", "climb_over_noise",
        "noise_ratio", "autocorrelation", "ups",
    ]

    /// The values, in the order of `names`.
    let values: [Double]

    init(_ curve: LossCurve) {
        let m = curve.blockMedians
        let blocks = m.count
        let n = curve.levels.count
        let drop = curve.drop
        // How far a block median climbed back above the best before it, after the first quarter.
        var lowest = Double.infinity
        var climb = 0.0
        for (k, level) in m.enumerated() {
            lowest = min(lowest, level)
            if k >= blocks / 4 { climb = max(climb, level - lowest) }
        }
        let second = curve.levels[(n / 2)...]
        let rises = zip(m[(blocks / 2)...].dropFirst(), m[(blocks / 2)...]).map { $0 > $1 ? 1.0 : 0.0 }
        values = [
            drop, curve.moved, curve.rise, curve.spike, curve.earlyNoise, curve.lateNoise, curve.blockNoise,
            curve.lateShare, drop > 0 ? curve.late / drop : 0,
            curve.share(madeBy: 10), curve.share(madeBy: 25), curve.share(madeBy: 50),
            climb, climb / max(curve.blockNoise, 1e-3), curve.lateNoise / max(curve.earlyNoise, 1e-6),
            CurveFeatures.lagOneAutocorrelation(CurveFeatures.residuals(second)),
            rises.isEmpty ? 0 : rises.reduce(0, +) / Double(rises.count),
        ]
    }

    /// `y` minus its running median over 9 values (fewer at the ends): the step-to-step wiggle
    /// with the trend taken out.
    static func residuals(_ y: ArraySlice<Double>) -> [Double] {
        let y = Array(y)
        return y.indices.map { i in
            y[i] - RobustStatistics.median(y[max(0, i - 4)..<min(y.count, i + 5)])
        }
    }

    /// The lag-1 autocorrelation of `r` (0 when it is constant): positive when the loss drifts up
    /// and down over several steps, as it does when the learning rate makes the weights swing.
    static func lagOneAutocorrelation(_ r: [Double]) -> Double {
        guard r.count > 1 else { return 0 }
        let mean = r.reduce(0, +) / Double(r.count)
        let centred = r.map { $0 - mean }
        let total = centred.reduce(0) { $0 + $1 * $1 }
        guard total > 0 else { return 0 }
        return zip(centred.dropFirst(), centred).reduce(0) { $0 + $1.0 * $1.1 } / total
    }
}
