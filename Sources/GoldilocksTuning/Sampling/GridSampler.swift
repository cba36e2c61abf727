import Foundation

/// The learning rate on a log-spaced grid, the search a practitioner runs by hand
/// (1e-5, 1e-4, …), taken in an order that covers the range early.
///
/// The grid has `points` rates from the range's low end to its high end, both included, equally
/// spaced in log space: rate i is `low · (high/low)^(i/(points − 1))`. Trial k takes grid point
/// `spreadOrder[k mod points]`, the van der Corput (bit-reversal) order: 0, 8, 4, 12, 2, … for
/// 16 points. Every prefix of that order is spread over the whole range, so when a study is cut
/// short, or pruning compares early trials, the trials so far span the range instead of
/// sitting at its low end; after `points` trials the grid is covered exactly once.
///
/// Other parameters are cycled along the grid rather than crossed with it, since the budget is
/// the grid's size: a categorical parameter takes choice `(i / r + c) mod count`, where i is the
/// grid point's index, c the cycle (`k / points`) and r the product of the earlier categorical
/// parameters' counts (a mixed radix, so that every combination recurs along the rate axis and
/// each choice meets low and high rates alike); a further float (the weight decay) is treated
/// as a categorical over its low end, its geometric middle and its high end.
///
/// Deterministic and independent of the trials: the grid needs no random numbers.
public struct GridSampler: Sampler {
    /// How many learning rates the grid holds (the study's budget, normally).
    public var points: Int

    /// A grid of `points` rates; fewer than 1 is read as 1 (the geometric middle of the range).
    public init(points: Int) {
        self.points = max(points, 1)
    }

    /// The grid's rates over `range`, ascending: `points` values equally spaced in log space,
    /// ending exactly at both ends of the range (an array of `points` values: for display and
    /// tests, not for huge grids).
    public func rates(over range: ClosedRange<Double>) -> [Double] {
        Self.logGrid(low: range.lowerBound, high: range.upperBound, count: points)
    }

    /// Grids larger than this (2^16 points, far past any study's budget) are visited in
    /// ascending order, so that a huge `--trials` never builds a huge permutation.
    public static let largestSpreadGrid = 1 << 16

    /// The order in which trials visit the grid's indices: the bit-reversal permutation of the
    /// next power of two, with the indices past the grid left out; ascending past
    /// `largestSpreadGrid`.
    public static func spreadOrder(count: Int) -> [Int] {
        guard count > 1 else { return count == 1 ? [0] : [] }
        guard count <= largestSpreadGrid else { return Array(0..<count) }
        var bits = 0
        while 1 << bits < count { bits += 1 }
        return (0..<(1 << bits)).map { j in
            var reversed = 0
            for bit in 0..<bits where j & (1 << bit) != 0 { reversed |= 1 << (bits - 1 - bit) }
            return reversed
        }.filter { $0 < count }
    }

    public func parameters(forTrial number: Int, in space: SearchSpace, trials: [TrialRecord]) -> [String: ParameterValue] {
        let trial = max(number, 0)
        let index = points <= Self.largestSpreadGrid ? Self.spreadOrder(count: points)[trial % points] : trial % points
        let cycle = trial / points
        var parameters: [String: ParameterValue] = [:]
        var radix = 1
        for (position, (name, distribution)) in space.parameters.enumerated() {
            switch distribution {
            case .float(let low, let high, let log) where position == 0:
                parameters[name] = distribution.clamped(Self.gridPoint(index, of: points, low: low, high: high, log: log && low > 0))
            case .float(let low, let high, let log):
                let levels = log && low > 0 ? Self.logGrid(low: low, high: high, count: 3) : Self.linearGrid(low: low, high: high, count: 3)
                parameters[name] = distribution.clamped(levels[(index / radix + cycle) % levels.count])
                radix = radix.multipliedReportingOverflow(by: levels.count).overflow ? Int.max : radix * levels.count
            case .categorical(let choices):
                guard !choices.isEmpty else { continue }
                parameters[name] = .choice(choices[(index / radix + cycle) % choices.count])
                radix = radix.multipliedReportingOverflow(by: choices.count).overflow ? Int.max : radix * choices.count
            }
        }
        return parameters
    }

    /// Point `i` of `count` from `low` to `high`, equally spaced in log space when `log` (else
    /// linearly), the ends exact; the middle of the range when `count` is 1.
    static func gridPoint(_ i: Int, of count: Int, low: Double, high: Double, log: Bool) -> Double {
        guard count > 1 else { return log ? (low * high).squareRoot() : (low + high) / 2 }
        if i <= 0 { return low }
        if i >= count - 1 { return high }
        let fraction = Double(i) / Double(count - 1)
        return log ? exp(Foundation.log(low) + (Foundation.log(high) - Foundation.log(low)) * fraction) : low + (high - low) * fraction
    }

    /// `count` values from `low` to `high` equally spaced in log space, the ends exact.
    static func logGrid(low: Double, high: Double, count: Int) -> [Double] {
        (0..<max(count, 1)).map { gridPoint($0, of: count, low: low, high: high, log: true) }
    }

    /// `count` values from `low` to `high` equally spaced, the ends exact.
    static func linearGrid(low: Double, high: Double, count: Int) -> [Double] {
        (0..<max(count, 1)).map { gridPoint($0, of: count, low: low, high: high, log: false) }
    }
}
