import Foundation
import GoldilocksDiagnosis
import TestSupport
import Testing

/// Issue 12's validation split labelled again from another base seed
/// (scripts/diagnosis-label-stability): the same configurations, that seed's own log, reruns and
/// labels (same rule, same three seeds' spread).
struct RelabelledSet: Decodable {
    let baseSeed: Int
    let runs: [ValidationRun]

    enum CodingKeys: String, CodingKey {
        case runs
        case baseSeed = "base_seed"
    }
}

/// The 95% Wilson interval of `k` successes in `n`.
func wilsonInterval(_ k: Int, _ n: Int) -> (low: Double, high: Double) {
    let z = 1.959964, p = Double(k) / Double(n), m = Double(n)
    let centre = (p + z * z / (2 * m)) / (1 + z * z / m)
    let half = z / (1 + z * z / m) * (p * (1 - p) / m + z * z / (4 * m * m)).squareRoot()
    return (centre - half, centre + half)
}

/// How stable the labels are, and what that leaves for any diagnosis that reads one log
/// (docs/diagnosis.md, "How far can a log-reader go?"). For each configuration, A₀ is the set of
/// acceptable verdicts from seed 0's reruns (the split's labels) and A₁ the set from seed 1's (or
/// seed 2's). Where A₀ ∩ A₁ is empty, no verdict is right under both, so a diagnosis that gives
/// the configuration one verdict, whichever seed's log it reads, is right on average over the two
/// labellings at most 1 − D/2, D being the share of such configurations. The figures are pinned:
/// a change of the fixtures or of the diagnosis fails here, and docs/diagnosis.md must follow it.
/// The split's `goldilocks train` runs were made before its random streams changed, so their
/// other seeds here are fresh draws (not the split's seeds 1 and 2); the PyTorch runs reproduce
/// the split's seeds.
@Test(.tags(.long), .optimizedOnly, arguments: [1, 2])
func labelsFromAnotherSeedBoundWhatALogReaderCanReach(seed: Int) throws {
    let split = try loadFixture(ValidationSet.self, named: "diagnosis-eval-validation", in: Bundle.module)
    let other = try loadFixture(RelabelledSet.self, named: "diagnosis-label-stability-seed\(seed)", in: Bundle.module)
    #expect(other.baseSeed == seed)
    let byID = Dictionary(uniqueKeysWithValues: split.runs.map { ($0.id, $0) })

    struct Tally {
        var runs = 0, intersecting = 0
        var ownSeed0 = 0, crossSeed0 = 0, ownOther = 0, crossOther = 0
        var oppositeOwnSeed0 = 0, oppositeCrossSeed0 = 0
        var sameVerdict = 0
        /// Runs where the diagnosis of seed 0's log is right under exactly one labelling.
        var onlySeed0 = 0, onlyOther = 0

        var bound: Double { 1 - Double(runs - intersecting) / Double(2 * runs) }
        func share(_ k: Int) -> String { "\(k) (" + String(format: "%.1f%%", 100 * Double(k) / Double(max(runs, 1))) + ")" }
    }
    var tallies: [String: Tally] = [:]
    for run in other.runs {
        let base = try #require(byID[run.id])
        let verdict0 = try base.diagnosis().verdict.rawValue
        let verdict1 = try run.diagnosis().verdict.rawValue
        let a0 = Set(base.acceptable), a1 = Set(run.acceptable)
        for key in ["all", String(run.id.prefix { $0 != "/" })] {
            var t = tallies[key, default: Tally()]
            t.runs += 1
            if !a0.isDisjoint(with: a1) { t.intersecting += 1 }
            if a0.contains(verdict0) { t.ownSeed0 += 1 }
            if a1.contains(verdict0) { t.crossSeed0 += 1 }
            if a1.contains(verdict1) { t.ownOther += 1 }
            if a0.contains(verdict1) { t.crossOther += 1 }
            if base.isOpposite(verdict0) { t.oppositeOwnSeed0 += 1 }
            if run.isOpposite(verdict0) { t.oppositeCrossSeed0 += 1 }
            if verdict0 == verdict1 { t.sameVerdict += 1 }
            if a0.contains(verdict0) && !a1.contains(verdict0) { t.onlySeed0 += 1 }
            if !a0.contains(verdict0) && a1.contains(verdict0) { t.onlyOther += 1 }
            tallies[key] = t
        }
    }
    for key in tallies.keys.sorted() {
        let t = tallies[key]!
        let (low, high) = wilsonInterval(t.intersecting, t.runs)
        print("""
            labels of seed 0 and seed \(seed), \(key): \(t.runs) runs; acceptable sets intersect on \(t.share(t.intersecting)) \
            (95% \(String(format: "%.1f–%.1f%%", 100 * low, 100 * high))); \
            bound for a one-verdict reader 1 − D/2 = \(String(format: "%.1f%%", 100 * t.bound)) \
            (95% \(String(format: "%.1f–%.1f%%", 100 * (1 + low) / 2, 100 * (1 + high) / 2)))
              diagnose on seed 0's log: \(t.share(t.ownSeed0)) under seed 0's labels (\(t.oppositeOwnSeed0) opposite), \
            \(t.share(t.crossSeed0)) under seed \(seed)'s (\(t.oppositeCrossSeed0) opposite); right under only seed 0's \
            \(t.onlySeed0), only seed \(seed)'s \(t.onlyOther)
              diagnose on seed \(seed)'s log: \(t.share(t.ownOther)) under its own labels, \(t.share(t.crossOther)) under \
            seed 0's; same verdict as on seed 0's log for \(t.share(t.sameVerdict))
            """)
    }
    let all = try #require(tallies["all"])
    #expect(all.runs == split.runs.count)
    // The figures of docs/diagnosis.md: how many runs' acceptable sets intersect.
    let documented = [1: 583, 2: 591]
    if let intersecting = documented[seed] { #expect(all.intersecting == intersecting) }
    // The claim: the labels' own instability does not put 90% out of reach (a reader that gives a
    // configuration one verdict could still reach 1 − D/2 of it) ...
    #expect(all.bound >= 0.90)
    // ... and the reader, trained on seed 0's labels of this split among four others, learned
    // more than their chance: against a fresh labelling of the same runs it still agrees on 89% or
    // more (it gives 94.4% against seed 0's, 89.6% and 90.4% against seed 1's and 2's: four to five
    // points are seed 0's chance).
    #expect(Double(all.crossSeed0) >= 0.89 * Double(all.runs))
}
