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
/// `startupTrials` (5) trials place the rate, each one where the trials so far say the best is:
/// - trial 0 at the suggestion itself (clamped to the space), trials 1 and 2 a half decade below
///   and above it (÷√10, ×√10): three points that show which way the value falls;
/// - each later startup trial at the bottom of a parabola fitted, by least squares, to the log
///   of the complete trials' values against the log of their rates (`placedRate`): the best
///   rate of a whole run is rarely the suggestion (on 13 data sets it lay a factor of seven
///   either side of the range test's valley), and a parabola through three or more runs places
///   the next one where they say it is. Until three trials are complete (workers in parallel),
///   the trial draws from the window suggestion ÷10 … ×10 instead.
/// Replayed on dense curves of constant-rate runs of 13 data sets (`scripts/tune-replay`),
/// four or five runs placed this way met issue 16's target in 31 and 29 of 52 studies, against
/// 19 for random slices around the suggestion; with warmup + cosine trials (the default), five
/// did better than four on real studies (docs/tuning.md).
/// Without a suggestion the startup is Optuna's: log-uniform over the whole space. Categorical
/// parameters and the weight decay are drawn uniformly in the startup either way.
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
        if let suggestion, let rate = space.parameters.first, case .float(let low, let high, _) = rate.distribution, low > 0 {
            let centre = min(max(suggestion, low), high)
            let placed: Double? =
                switch number {
                case 0: centre
                case 1: centre / 10.0.squareRoot()
                case 2: centre * 10.0.squareRoot()
                default: Self.placedRate(after: Self.points(of: trials, rate: rate.name))
                }
            let u = generator.nextUnitDouble()
            let windowLow = Foundation.log(max(centre / 10, low)), windowHigh = Foundation.log(min(centre * 10, high))
            parameters[rate.name] = .float(min(max(placed ?? exp(windowLow + u * (windowHigh - windowLow)), low), high))
        }
        return parameters
    }

    /// The complete trials' (log10 rate, log value), those with a finite positive value.
    static func points(of trials: [TrialRecord], rate name: String) -> [(x: Double, y: Double)] {
        trials.compactMap { trial in
            guard trial.state == .complete, let value = trial.value, value.isFinite,
                let rate = trial.parameters[name]?.floatValue, rate > 0
            else { return nil }
            return (log10(rate), Foundation.log(max(value, 1e-300)))
        }
    }

    /// The rate at the bottom of the least-squares parabola through `points` (log10 rate, log
    /// value), at most half a decade past the rates tried; nil with fewer than three points.
    /// When the parabola opens downwards, half a decade past the best end, or a little past the
    /// best when it lies inside; never within 0.08 decades of a rate tried (a run there says
    /// little new): then 0.12 decades beside the best.
    static func placedRate(after points: [(x: Double, y: Double)]) -> Double? {
        guard points.count >= 3, let best = points.min(by: { $0.y < $1.y }) else { return nil }
        let xs = points.map(\.x)
        let (lowest, highest) = (xs.min() ?? best.x, xs.max() ?? best.x)
        var vertex: Double
        if let (a, b, _) = leastSquaresParabola(points), a > 0 {
            vertex = min(max(-b / (2 * a), lowest - 0.5), highest + 0.5)
        } else {
            vertex = best.x == highest ? best.x + 0.5 : best.x == lowest ? best.x - 0.5 : best.x + 0.15
        }
        if xs.contains(where: { abs($0 - vertex) < 0.08 }) {
            vertex = best.x + (points.count == 3 ? 0.12 : -0.12)
        }
        return pow(10, vertex)
    }

    /// The coefficients (a, b, c) of y = a·x² + b·x + c closest to `points` in least squares;
    /// nil when the rates do not determine it (fewer than three distinct ones).
    static func leastSquaresParabola(_ points: [(x: Double, y: Double)]) -> (Double, Double, Double)? {
        // The normal equations, centred on the mean rate for conditioning.
        let mean = points.map(\.x).reduce(0, +) / Double(points.count)
        var s = [Double](repeating: 0, count: 5), t = [Double](repeating: 0, count: 3)
        for (x0, y) in points {
            let x = x0 - mean
            var power = 1.0
            for k in 0..<5 {
                s[k] += power
                if k < 3 { t[k] += power * y }
                power *= x
            }
        }
        // | s4 s3 s2 | |a|   |t2|
        // | s3 s2 s1 | |b| = |t1|
        // | s2 s1 s0 | |c|   |t0|
        let m = [[s[4], s[3], s[2]], [s[3], s[2], s[1]], [s[2], s[1], s[0]]]
        func det(_ m: [[Double]]) -> Double {
            m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0])
        }
        let d = det(m)
        guard d.isFinite, abs(d) > 1e-12 else { return nil }
        func replaced(_ column: Int) -> [[Double]] {
            m.enumerated().map { row, values in values.enumerated().map { $0.offset == column ? [t[2], t[1], t[0]][row] : $0.element } }
        }
        let (a, b, c) = (det(replaced(0)) / d, det(replaced(1)) / d, det(replaced(2)) / d)
        // Back from the centred rate: a(x − m)² + b(x − m) + c.
        return (a, b - 2 * a * mean, a * mean * mean - b * mean + c)
    }
}
