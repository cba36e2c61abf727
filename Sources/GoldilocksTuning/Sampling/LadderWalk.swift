import Foundation

/// Where TPE's placed startup trials go: down a ladder of learning rates, three per decade, the
/// way a practitioner tunes by hand.
///
/// The ladder spans the searched range with rungs equally spaced in log space, both ends
/// included, about three per decade: over the default 1e-5 … 1 it has 16 rungs, the same rates
/// (to the last bit) as a 16-point grid. The walk starts one rung above the range test's
/// suggestion (its valley sits below the best rate of a whole run, by 0.7 decades on average
/// over 13 data sets), tries the rungs below and above, then steps towards the lower value until
/// the best rung has both neighbours tried, then past the better neighbour. Each step is a
/// complete run, so when the best rung is within the walk's reach and the values around it fall
/// to one bottom, the walk ends on it: the best a grid of those rates would find in hindsight,
/// for a third of the runs. Replayed on 13 data sets' dense curves (`scripts/tune-replay`), four
/// walked runs and one warmup + cosine run a rung above their best met issue 16's target in 36
/// of 52 studies, against 27 for the earlier placement (a parabola through the runs so far).
struct LadderWalk: Sendable {
    let low: Double
    let high: Double
    /// How many rungs the ladder has: about three per decade, at least one.
    let rungs: Int

    init(over range: ClosedRange<Double>) {
        (low, high) = (range.lowerBound, range.upperBound)
        let decades = high > low && low > 0 ? log10(high / low) : 0
        rungs = decades.isFinite ? max(1, Int((3 * decades).rounded()) + 1) : 1
    }

    /// The rate of `rung` (clamped to the ladder).
    func rate(_ rung: Int) -> Double {
        GridSampler.gridPoint(min(max(rung, 0), rungs - 1), of: rungs, low: low, high: high, log: true)
    }

    /// The rung a rate sits on exactly, or nil when it is between rungs.
    func rung(of rate: Double) -> Int? {
        let nearest = self.rung(nearest: rate)
        return self.rate(nearest) == rate ? nearest : nil
    }

    /// The rung nearest a rate, in log space.
    func rung(nearest rate: Double) -> Int {
        guard rungs > 1, rate > 0, rate.isFinite else { return 0 }
        let position = log(rate / low) / log(high / low) * Double(rungs - 1)
        return min(max(Int(position.rounded()), 0), rungs - 1)
    }

    /// The next rung to run, given the rungs tried so far and what they are worth: a complete
    /// run's value, +inf for a run that was pruned or diverged, nil while it runs. Nil when no
    /// rung is left that the walk would try.
    func next(start: Int, tried: [Int: Double?]) -> Int? {
        let start = min(max(start, 0), rungs - 1)
        let known = tried.compactMapValues { $0 }
        var order: [Int]
        if let best = Self.best(of: tried), tried.count >= 3 {
            let (lowest, highest) = (tried.keys.min() ?? best, tried.keys.max() ?? best)
            order = []
            if best == highest { order.append(highest + 1) }
            if best == lowest { order.append(lowest - 1) }
            let (below, above) = (known[best - 1] ?? .infinity, known[best + 1] ?? .infinity)
            order += above <= below ? [highest + 1, lowest - 1] : [lowest - 1, highest + 1]
        } else {
            // The start, then its neighbours outwards, the lower first.
            order = [start] + (1..<max(rungs, 1)).flatMap { [start - $0, start + $0] }
        }
        return order.first { (0..<rungs).contains($0) && tried[$0] == nil }
    }

    /// The best rung tried: the lowest value, the lower rung of equal ones; nil before any ends.
    static func best(of tried: [Int: Double?]) -> Int? {
        tried.compactMapValues { $0 }.min { ($0.value, $0.key) < ($1.value, $1.key) }?.key
    }
}
