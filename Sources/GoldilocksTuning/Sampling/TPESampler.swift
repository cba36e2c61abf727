import Foundation
import GoldilocksCore

/// Tree-structured Parzen estimators, as Optuna 5.0.0's `TPESampler` with its defaults
/// (multivariate, constant liar), its first trials drawn around the range test's suggestion.
///
/// Once `startupTrials` trials are finished (complete or pruned, as Optuna counts them), each
/// trial:
/// 1. splits the trials into the ⌈0.1·n⌉ best (at most 25) and the rest (`TPESplit`); pruned
///    trials rank by how far they got, then by their last value, diverged trials (a loss that
///    is NaN or infinite) last; running trials count as bad (the constant liar), so two
///    workers asking at once do not pick the same rate;
/// 2. fits a Parzen estimator l(x) to the good trials and g(x) to the rest, over all searched
///    parameters jointly (`ParzenEstimator`, Optuna's bandwidths, prior and weights);
/// 3. draws `candidates` points (24) from l(x) and keeps the one with the largest l(x)/g(x).
///
/// **The startup, seeded by the range test.** Optuna draws its first 10 trials uniformly over
/// the space. A study here has about 16 trials, so 10 random ones would leave TPE six; and the
/// range test has already said where good rates are. So, when `suggestion` is given, the first
/// `startupTrials` (5) trials are placed, each where the complete ones so far say the best is:
/// they walk a ladder of rates, three per decade, down to its best rung (`LadderWalk`), in the
/// first schedule the space lists (constant, by default); when it lists more than one, the last
/// placed trial runs the last one listed (warmup + cosine, by default) a rung above the walk's
/// best. The best rate of a whole run is rarely the suggestion (on 13 data sets it lay a factor
/// of seven either side of the range test's valley), so the walk follows the runs, not the
/// suggestion. Trials past the startup that start before it is complete (workers in parallel)
/// draw from the window suggestion ÷10 … ×10.
/// Without a suggestion the startup is Optuna's: log-uniform over the whole space. The optimizer
/// and the weight decay are drawn uniformly in the startup either way.
///
/// The prior stays Optuna's (centred on the middle of the space, as wide as the space): it is
/// what lets TPE escape the placed rates when the suggestion was wrong.
///
/// Deterministic: the draws of trial `number` come from `SeededGenerator(seed: seed, purpose:
/// .trialSampling(number:))`, and everything else from the trials given.
public struct TPESampler: Sampler {
    /// The study's seed.
    public var seed: UInt64
    /// The range test's suggested learning rate, which shapes the startup trials; nil for
    /// Optuna's uniform startup.
    public var suggestion: Double?
    /// Finished trials before the model takes over (Optuna: `n_startup_trials`, 10 there).
    public var startupTrials: Int
    /// Candidates drawn from l(x) per trial (Optuna: `n_ei_candidates`, 24).
    public var candidates: Int
    /// Whether running (and queued) trials count as bad, so that parallel workers spread out
    /// (Optuna: `constant_liar`, on by default since 5.0). Off, they are left out, as before.
    public var constantLiar: Bool

    /// A TPE sampler; `startupTrials` 5 (see above) and `candidates` 24 (Optuna's).
    public init(seed: UInt64, suggestion: Double? = nil, startupTrials: Int = 5, candidates: Int = 24, constantLiar: Bool = true) {
        self.seed = seed
        self.suggestion = suggestion.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        self.startupTrials = max(startupTrials, 0)
        self.candidates = max(candidates, 1)
        self.constantLiar = constantLiar
    }

    public func parameters(forTrial number: Int, in space: SearchSpace, trials: [TrialRecord]) -> [String: ParameterValue] {
        var generator = SeededGenerator(seed: seed, purpose: .trialSampling(number: number))
        let others = trials.filter { $0.number != number }
        let finished = others.filter { $0.state.isFinished }.count
        guard finished >= startupTrials else { return startupParameters(forTrial: number, in: space, trials: others, using: &generator) }

        let distributions = space.parameters
        // Queued retries will run their parameters soon, so they lie like running trials.
        let considered = others.filter { $0.state.isFinished || (constantLiar && ($0.state == .running || $0.state == .waiting)) }
        let (below, above) = TPESplit.split(considered, below: TPESplit.goodCount(finished: finished))
        let good = ParzenEstimator(observations: observations(below, distributions), distributions: distributions.map(\.distribution))
        let bad = ParzenEstimator(observations: observations(above, distributions), distributions: distributions.map(\.distribution))

        var best: [Double] = []
        var bestScore = -Double.infinity
        for _ in 0..<candidates {
            let candidate = good.sample(using: &generator)
            let score = good.logDensity(at: candidate) - bad.logDensity(at: candidate)
            // The first of equal scores wins, as NumPy's argmax; a NaN score never does.
            if best.isEmpty || score > bestScore {
                (best, bestScore) = (candidate, score.isNaN ? -.infinity : score)
            }
        }
        var parameters: [String: ParameterValue] = [:]
        for ((name, distribution), value) in zip(distributions, best) {
            parameters[name] = distribution.clamped(value)
        }
        return parameters
    }

    /// The observations TPE fits: each trial's parameters as internal values (floats, choice
    /// indices), in the space's order; trials missing a parameter or holding a value outside
    /// its distribution are left out, as Optuna leaves out trials without every parameter.
    private func observations(_ trials: [TrialRecord], _ distributions: [(name: String, distribution: Distribution)]) -> [[Double]] {
        trials.compactMap { trial in
            var point: [Double] = []
            for (name, distribution) in distributions {
                guard let value = trial.parameters[name], let stored = distribution.internalValue(of: value) else { return nil }
                point.append(stored)
            }
            return point
        }
    }

    private func startupParameters(
        forTrial number: Int, in space: SearchSpace, trials: [TrialRecord], using generator: inout SeededGenerator
    ) -> [String: ParameterValue] {
        var parameters: [String: ParameterValue] = [:]
        for (name, distribution) in space.parameters {
            parameters[name] = distribution.randomValue(using: &generator)
        }
        guard let suggestion, let rate = space.parameters.first, case .float(let low, let high, _) = rate.distribution, low > 0 else {
            return parameters
        }
        let centre = min(max(suggestion, low), high)
        let ladder = LadderWalk(over: low...high)
        let start = ladder.rung(nearest: centre) + 1
        let schedules = space.schedules?.map(\.rawValue) ?? []
        let walked = Self.walkedRungs(of: trials, rate: rate.name, on: ladder, schedule: schedules.first)
        let placedRung: Int?
        if number == startupTrials - 1, number > 0, schedules.count > 1, let other = schedules.last {
            // The other schedule, a rung above the walk's best: a decaying rate peaks best higher.
            parameters["schedule"] = .choice(other)
            placedRung = (LadderWalk.best(of: walked) ?? start) + 1
        } else if number < startupTrials {
            placedRung = ladder.next(start: start, tried: walked)
            if let first = schedules.first { parameters["schedule"] = .choice(first) }
        } else {
            placedRung = nil
        }
        let u = generator.nextUnitDouble()
        let windowLow = Foundation.log(max(centre / 10, low)), windowHigh = Foundation.log(min(centre * 10, high))
        parameters[rate.name] = .float(min(max(placedRung.map(ladder.rate) ?? exp(windowLow + u * (windowHigh - windowLow)), low), high))
        return parameters
    }

    /// The rungs the walk has tried, from the trials run in its schedule at a rung's rate
    /// exactly: a complete trial's value (+inf when not finite), +inf for a pruned one, nil while
    /// one runs or waits. A failed trial is left out; its retry holds the rung.
    static func walkedRungs(of trials: [TrialRecord], rate name: String, on ladder: LadderWalk, schedule: String?) -> [Int: Double?] {
        var tried: [Int: Double?] = [:]
        for trial in trials where trial.state != .failed {
            guard let rate = trial.parameters[name]?.floatValue, let rung = ladder.rung(of: rate),
                schedule.map({ trial.parameters["schedule"] == .choice($0) }) ?? true
            else { continue }
            let worth: Double? =
                switch trial.state {
                case .complete: trial.value.flatMap { $0.isFinite ? $0 : nil } ?? .infinity
                case .pruned: .infinity
                default: nil
                }
            if let worth {
                tried[rung] = min(tried[rung].flatMap { $0 } ?? .infinity, worth)
            } else if tried[rung] == nil {
                tried[rung] = .some(nil)
            }
        }
        return tried
    }
}
