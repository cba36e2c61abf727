import Foundation

/// Robust measurements of one loss log, on the natural log of the loss (internal to `diagnose`).
///
/// With n finite points, y = ln L cut into B = min(n, 40) equal blocks with medians mₖ:
/// - start = median of the first max(1, min(5, n/20)) points, end = median of the last max(2, n/10);
/// - spike = max y − start; rise = end − min mₖ; drop = start − end;
/// - noise = 1.4826 · MAD(Δy)/√2 over each half (differences cancel the slow trend);
/// - late = −(Theil–Sen slope of mₖ over the second half) · n/2, the drop that trend makes there;
/// - lastQuarter = −(Theil–Sen slope of mₖ over the last quarter) · n/4, likewise;
///   lateShare = lastQuarter / drop, the share of the whole decrease the end of the run still makes;
/// - moved = m₀ − end, the decrease from the first block; blockNoise = 1.2533 · lateNoise / √(n/B),
///   the standard error of a block median (the noise a level read from one block still carries).
/// Everything is a sort or a linear pass: O(n log n).
struct LossCurve {
    let points: Int
    let firstNonFinite: Int?
    /// y = ln L of the finite losses before the first non-finite one.
    let levels: [Double]
    /// The block medians mₖ of `levels` (one block per value when there are fewer than 40).
    let blockMedians: [Double]
    let start: Double
    let end: Double
    let best: Double
    let bestIndex: Int
    let spike: Double
    /// The highest running median (over w = max(3, n/40) points): where the curve climbed to and
    /// stayed a while, which one mini-batch spike in a noisy curve does not reach.
    let runningPeak: Double
    let late: Double
    let lastQuarter: Double
    let firstLevel: Double
    let blockNoise: Double
    let earlyNoise: Double
    let lateNoise: Double
    let stallIndex: Int?

    var drop: Double { start - end }
    var rise: Double { end - best }
    /// The share of the total log-loss decrease that the last quarter's trend makes (0 without a decrease).
    var lateShare: Double { drop > 0 ? lastQuarter / drop : 0 }
    /// The decrease from the first block's median to the end level, in log units.
    var moved: Double { firstLevel - end }

    /// The share of the whole decrease (start − end) made by the end of the block `percent`% into
    /// the run: a learning rate too small spreads its progress over the whole run, a good one makes
    /// most of it early. 0 when the loss fell by less than 0.05 (5%).
    func share(madeBy percent: Int) -> Double {
        guard drop > 0.05, !blockMedians.isEmpty else { return 0 }
        return (start - blockMedians[max(0, percent * blockMedians.count / 100 - 1)]) / drop
    }

    /// Measures `losses`, which must hold at least `minimumPoints` values.
    init(losses: [Double]) {
        points = losses.count
        firstNonFinite = losses.firstIndex { !$0.isFinite }
        let finite = Array(losses[..<(firstNonFinite ?? losses.count)])
        let y = LossCurve.logLevels(finite)
        let n = y.count
        levels = y
        guard n >= 2 else {
            let level = y.first ?? 0
            blockMedians = y
            (start, end, best, bestIndex, spike, late, lastQuarter) = (level, level, level, 0, 0, 0, 0)
            runningPeak = level
            (earlyNoise, lateNoise, stallIndex, firstLevel, blockNoise) = (0, 0, nil, level, 0)
            return
        }
        start = RobustStatistics.median(y[..<max(1, min(5, n / 20))])
        end = RobustStatistics.median(y[(n - max(2, n / 10))...])
        spike = (y.max() ?? start) - start
        runningPeak = LossCurve.runningMedians(y, width: max(3, n / 40)).max() ?? start

        let blockCount = min(n, 40)
        let edges = (0...blockCount).map { $0 * n / blockCount }
        let medians = (0..<blockCount).map { RobustStatistics.median(y[edges[$0]..<edges[$0 + 1]]) }
        blockMedians = medians
        let centers = (0..<blockCount).map { Double(edges[$0] + edges[$0 + 1] - 1) / 2 }
        let bestBlock = medians.indices.min { medians[$0] < medians[$1] } ?? 0
        best = medians[bestBlock]
        firstLevel = medians[0]
        bestIndex = Int(centers[bestBlock].rounded())

        let half = n / 2
        earlyNoise = LossCurve.noise(y[..<max(half, 2)])
        lateNoise = LossCurve.noise(y[min(half, n - 2)...])
        // A median of k normal values has standard error ≈ 1.2533 σ/√k.
        blockNoise = 1.2533 * lateNoise / (Double(n) / Double(blockCount)).squareRoot()
        let slope = RobustStatistics.theilSenSlope(
            x: Array(centers[(blockCount / 2)...]), y: Array(medians[(blockCount / 2)...]))
        late = -slope * Double(n) / 2
        let quarter = 3 * blockCount / 4
        let lastSlope = RobustStatistics.theilSenSlope(
            x: Array(centers[quarter...]), y: Array(medians[quarter...]))
        lastQuarter = -lastSlope * Double(n) / 4

        // Settled: from this block on, every block median stays within the end level's noise band.
        let band = max(0.05, lateNoise)
        let endLevel = end
        let settled = medians.indices.reversed().prefix { abs(medians[$0] - endLevel) <= band }.last
        stallIndex = settled.flatMap { $0 > 0 && $0 < blockCount - 1 ? edges[$0] : nil }
    }

    /// ln L when every loss is positive. A loss of exactly 0 (a cross-entropy that underflowed)
    /// counts as a tenth of the smallest positive one. A loss that can be negative, such as a
    /// negative log-likelihood of a density, is shifted above zero first: it still has a shape.
    private static func logLevels(_ losses: [Double]) -> [Double] {
        guard let lowest = losses.min(), lowest <= 0, let highest = losses.max() else {
            return losses.map { Foundation.log($0) }
        }
        if lowest == 0 {
            let floor = (losses.filter { $0 > 0 }.min() ?? 1e-12) / 10
            return losses.map { Foundation.log(max($0, floor)) }
        }
        let offset = -lowest + max(0.01 * (highest - lowest), 1e-12)
        return losses.map { Foundation.log($0 + offset) }
    }

    /// The medians of runs of `width` consecutive values, starting every max(1, width/4) values
    /// and at the very end (one value when there are fewer): O(n log width) for any length.
    static func runningMedians(_ y: [Double], width: Int) -> [Double] {
        guard y.count > width else { return [RobustStatistics.median(y[...])] }
        var starts = Array(stride(from: 0, through: y.count - width, by: max(1, width / 4)))
        if starts.last != y.count - width { starts.append(y.count - width) }
        return starts.map { RobustStatistics.median(y[$0..<$0 + width]) }
    }

    private static func noise(_ y: ArraySlice<Double>) -> Double {
        let changes = zip(y.dropFirst(), y).map { $0 - $1 }
        return changes.isEmpty ? 0 : RobustStatistics.scaledMAD(changes) / 2.0.squareRoot()
    }
}
