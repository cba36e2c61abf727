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
/// range test has already said where good rates are. So, when `suggestion` is given:
/// - trial 0 trains at the suggestion itself (clamped to the space): the one rate most likely
///   to be good, as the baseline every later trial competes with;
/// - the other startup trials draw the rate log-uniformly from the window suggestion ÷10 …
///   suggestion ×10 (clipped to the space), stratified: the window is cut into
///   `startupTrials − 1` equal slices in log space (half a decade each with the default 5) and
///   trial k takes one slice, nearest the suggestion first, so the startup brackets the
///   suggestion on both sides instead of clustering by chance. Range-test suggestions are
///   usually within a factor of a few of the best rate, which the window covers twice over.
/// Without a suggestion the startup is Optuna's: log-uniform over the whole space. Categorical
/// parameters and the weight decay are drawn uniformly in the startup either way.
///
/// `startupTrials` is 5 rather than Optuna's 10: the suggestion plus one trial per half decade
/// of the window is enough to show TPE which side of the suggestion is better, and leaves 11 of
/// 16 trials to the model. The prior stays Optuna's (centred on the middle of the space, as wide
/// as the space): it is what lets TPE escape the window when the suggestion was wrong, so it is
/// not centred on the suggestion; the startup trials already pull l(x) there.
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
        guard finished >= startupTrials else { return startupParameters(forTrial: number, in: space, using: &generator) }

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

    private func startupParameters(forTrial number: Int, in space: SearchSpace, using generator: inout SeededGenerator) -> [String: ParameterValue] {
        var parameters: [String: ParameterValue] = [:]
        for (name, distribution) in space.parameters {
            parameters[name] = distribution.randomValue(using: &generator)
        }
        if let suggestion, let rate = space.parameters.first, case .float(let low, let high, _) = rate.distribution, low > 0 {
            parameters[rate.name] = .float(suggestedRate(forTrial: number, suggestion: suggestion, low: low, high: high, using: &generator))
        }
        return parameters
    }

    /// The startup rate of trial `number`: the suggestion for trial 0, else a log-uniform draw
    /// from the trial's slice of the window around it.
    private func suggestedRate(forTrial number: Int, suggestion: Double, low: Double, high: Double, using generator: inout SeededGenerator) -> Double {
        let centre = min(max(suggestion, low), high)
        let u = generator.nextUnitDouble()
        guard number > 0 else { return centre }
        let windowLow = Foundation.log(max(centre / 10, low)), windowHigh = Foundation.log(min(centre * 10, high))
        let slices = Self.slicesNearestFirst(count: max(startupTrials - 1, 1), centre: Foundation.log(centre), low: windowLow, high: windowHigh)
        let slice = slices[(number - 1) % slices.count]
        let width = (windowHigh - windowLow) / Double(slices.count)
        let rate = exp(windowLow + (Double(slice) + u) * width)
        return min(max(rate, low), high)
    }

    /// The slices 0..<count of `[low, high]`, ordered by their middle's distance from `centre`,
    /// the lower first on a tie.
    static func slicesNearestFirst(count: Int, centre: Double, low: Double, high: Double) -> [Int] {
        let width = (high - low) / Double(count)
        return (0..<count).sorted { a, b in
            let da = abs(low + (Double(a) + 0.5) * width - centre), db = abs(low + (Double(b) + 0.5) * width - centre)
            return da != db ? da < db : a < b
        }
    }
}
