import Foundation

/// The measurements of a whole run that `DiagnosisReader` reads, in its order (`names`): what a
/// log carries, and nothing it does not (not the optimizer, the task or the batch size).
///
/// - `train_*`: the 17 `CurveFeatures` of the training loss;
/// - `peak_*`: the same from the step where the learning rate peaked (what a warmup leaves), when
///   more than 10 losses follow it;
/// - `val_*`: the same of the validation loss, at whatever cadence it was logged;
/// - on the validation loss v (log units): how far it fell to its best, climbed back after it,
///   where its best lies (0 first, 1 last), what its last quarter made, its best against the first
///   training loss, and how far the training loss's end level lies below v's last point (`gap`);
/// - on the learning rate: the decades it ranged over, where it peaked (0 to 1) and the decades
///   from its peak to its end, all 0 for one rate or a log without rates.
/// NaN where the log has no such series, as the reader was trained. They are defined once, in
/// scripts/diagnosis_reader.py; a test checks these values against that script's for a sample of
/// real runs.
struct RunFeatures {
    static let validationSummary = ["val_fall", "val_rebound", "val_best_at", "val_last_quarter", "val_best_over_start", "gap"]
    static let rate = ["lr_range", "lr_peak_at", "lr_end_over_peak"]
    static let names = ["train_", "peak_", "val_"].flatMap { prefix in CurveFeatures.names.map { prefix + $0 } }
        + validationSummary + rate

    /// The values, in the order of `names`.
    let values: [Double]

    /// Measures a run whose training losses are all finite.
    /// - Parameters:
    ///   - losses: the training loss per logged step.
    ///   - learningRates: the learning rate per logged step, if the log has them.
    ///   - validation: the validation losses in order, if the log has them.
    init(losses: [Double], learningRates: [Double]?, validation: [Double]?) {
        let rates = learningRates.flatMap { $0.isEmpty ? nil : $0 }
        // The first of equal maxima, as numpy's argmax.
        let peak = rates.map { r in r.indices.max { r[$0] < r[$1] } ?? 0 } ?? 0
        var values = RunFeatures.curve(losses)
        values += RunFeatures.curve(peak < losses.count - 10 ? Array(losses[peak...]) : nil)
        values += RunFeatures.curve(validation)
        values += RunFeatures.summary(validation: validation, losses: losses)
        if let rates, let low = rates.min(), let high = rates.max(), low > 0, high > low {
            values += [log10(high / low), Double(peak) / Double(rates.count - 1), log10(rates[rates.count - 1] / rates[peak])]
        } else {
            values += [0, 0, 0]
        }
        self.values = values
    }

    /// The `CurveFeatures` of `values`, or NaN for each without two or more values, all finite.
    private static func curve(_ values: [Double]?) -> [Double] {
        guard let values, values.count >= 2, values.allSatisfy(\.isFinite) else {
            return [Double](repeating: .nan, count: CurveFeatures.names.count)
        }
        return CurveFeatures(LossCurve(losses: values)).values
    }

    /// The measurements of `validationSummary` (NaN without two or more positive, finite points).
    private static func summary(validation: [Double]?, losses: [Double]) -> [Double] {
        guard let validation, validation.count >= 2, validation.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            return [Double](repeating: .nan, count: validationSummary.count)
        }
        let v = validation.map { Foundation.log($0) }
        let best = v.indices.min { v[$0] < v[$1] } ?? 0  // the first of equal minima
        let last = v[v.count - 1]
        let start = losses.first ?? .nan
        let end = RobustStatistics.median(losses[(losses.count - max(2, losses.count / 10))...])
        return [
            v[0] - v[best], last - v[best], Double(best) / Double(v.count - 1),
            v[Int(0.75 * Double(v.count - 1))] - last,
            start > 0 ? v[best] - Foundation.log(start) : .nan,
            end > 0 ? Foundation.log(end) - last : .nan,
        ]
    }
}
