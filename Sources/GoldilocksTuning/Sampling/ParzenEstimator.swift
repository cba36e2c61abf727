import Foundation
import GoldilocksCore

/// A Parzen estimator over a search space, as Optuna 5.0.0's TPE builds it
/// (`optuna/samplers/_tpe/parzen_estimator.py`): a mixture with one component per observation
/// plus one for the prior, each component a product of one kernel per parameter.
///
/// This is the part of TPE that can be checked number for number against Optuna (the tests
/// compare components, bandwidths, weights and log densities with a fixture); the random draws
/// cannot, since Optuna uses NumPy's generator.
///
/// Defaults are Optuna's: prior weight 1, the "magic clip" on bandwidths, endpoints not
/// considered, and weights `default_weights` (all 1, or a ramp from 1/n for the oldest of more
/// than 25 observations, so old observations count less).
struct ParzenEstimator: Sendable, Equatable {
    /// One parameter's kernels, one per mixture component.
    enum Kernels: Sendable, Equatable {
        /// Normals truncated to `[low, high]`, in log space when `log` (then `low`, `high` and
        /// the means are logarithms). The last kernel is the prior: centred on the middle of
        /// the range with the whole range as its standard deviation.
        case numerical(means: [Double], sigmas: [Double], low: Double, high: Double, log: Bool)
        /// For each component, the probability of each choice.
        case categorical(probabilities: [[Double]])
    }

    /// The components' weights, observations first (oldest first), then the prior; they sum to 1.
    let weights: [Double]
    /// One entry per parameter, in the order of the distributions the estimator was built for.
    let kernels: [Kernels]

    /// Fits the estimator to `observations`, each a point with one internal value per parameter
    /// (a float, or a choice's index), in the order of `distributions`.
    init(observations: [[Double]], distributions: [Distribution], priorWeight: Double = 1, magicClip: Bool = true, considerEndpoints: Bool = false) {
        let count = observations.count
        var weights = count == 0 ? [1.0] : Self.defaultWeights(count) + [priorWeight]
        let total = weights.reduce(0, +)
        if total > 0 { weights = weights.map { $0 / total } }
        self.weights = weights
        kernels = distributions.enumerated().map { index, distribution in
            let column = observations.map { index < $0.count ? $0[index] : .nan }
            switch distribution {
            case .categorical(let choices):
                return Self.categoricalKernels(column, choices: choices.count, priorWeight: priorWeight)
            case .float(let low, let high, let log):
                return Self.numericalKernels(
                    column, low: low, high: high, log: log, magicClip: magicClip, considerEndpoints: considerEndpoints)
            }
        }
    }

    /// Optuna's `default_weights(n)`: 1 for each of up to 25 observations; beyond that, the
    /// oldest n − 25 ramp linearly from 1/n towards 1 (NumPy's `linspace(1/n, 1, n − 25)`).
    static func defaultWeights(_ n: Int) -> [Double] {
        guard n >= 25 else { return Array(repeating: 1, count: n) }
        let rampCount = n - 25
        let start = 1 / Double(n)
        let ramp: [Double] =
            switch rampCount {
            case 0: []
            case 1: [start]
            default:
                (0..<rampCount).map { i in
                    // linspace's own formula, with the last point set exactly to the end.
                    i == rampCount - 1 ? 1 : start + Double(i) * ((1 - start) / Double(rampCount - 1))
                }
            }
        return ramp + Array(repeating: 1, count: 25)
    }

    private static func categoricalKernels(_ observed: [Double], choices: Int, priorWeight: Double) -> Kernels {
        guard choices > 0 else { return .categorical(probabilities: Array(repeating: [], count: observed.count + 1)) }
        guard !observed.isEmpty else {
            return .categorical(probabilities: [Array(repeating: 1 / Double(choices), count: choices)])
        }
        let kernelCount = observed.count + 1
        var rows = Array(repeating: Array(repeating: priorWeight / Double(kernelCount), count: choices), count: kernelCount)
        for (row, value) in observed.enumerated() where value.isFinite && value >= 0 && value < Double(choices) {
            rows[row][Int(value)] += 1
        }
        rows = rows.map { row in
            let sum = row.reduce(0, +)
            return sum == 0 ? row : row.map { $0 / sum }
        }
        return .categorical(probabilities: rows)
    }

    /// Bandwidths per Optuna: each observation's sigma is the larger gap to its neighbours
    /// (the range's ends counting as neighbours), except that without `considerEndpoints` the
    /// lowest and highest of two or more observations look only inwards; then clipped to
    /// `[range / min(100, 1 + kernels), range]` (the magic clip, which keeps a lone good trial
    /// from collapsing l(x) to a spike) or `[1e-12, range]`.
    private static func numericalKernels(
        _ observed: [Double], low: Double, high: Double, log: Bool, magicClip: Bool, considerEndpoints: Bool
    ) -> Kernels {
        let useLog = log && low > 0
        let transform: (Double) -> Double = useLog ? { Foundation.log($0) } : { $0 }
        let (lo, hi) = (transform(low), transform(high))
        let means = observed.map(transform)
        let order = means.indices.sorted { (a: Int, b: Int) -> Bool in
            means[a] != means[b] ? means[a] < means[b] : a < b
        }
        let withEnds: [Double] = [lo] + order.map { means[$0] } + [hi]
        var sortedSigmas: [Double] = []
        for i in 1..<(withEnds.count - 1) {
            let left: Double = withEnds[i] - withEnds[i - 1]
            let right: Double = withEnds[i + 1] - withEnds[i]
            sortedSigmas.append(max(left, right))
        }
        if !considerEndpoints && withEnds.count >= 4 {
            sortedSigmas[0] = withEnds[2] - withEnds[1]
            sortedSigmas[sortedSigmas.count - 1] = withEnds[withEnds.count - 2] - withEnds[withEnds.count - 3]
        }
        var sigmas = Array(repeating: 0.0, count: means.count)
        for (rank, index) in order.enumerated() { sigmas[index] = sortedSigmas[rank] }
        let maxSigma = hi - lo
        let minSigma = magicClip ? (hi - lo) / min(100, 1 + Double(observed.count + 1)) : 1e-12
        // NumPy's clip: the lower bound first, then the upper (the upper wins if they cross).
        sigmas = sigmas.map { min(max($0, minSigma), maxSigma) }
        return .numerical(means: means + [0.5 * (lo + hi)], sigmas: sigmas + [hi - lo], low: lo, high: hi, log: useLog)
    }

    /// The log density of the mixture at `point` (one internal value per parameter), as
    /// Optuna's `_MixtureOfProductDistribution.log_pdf`: a log-sum-exp over components of the
    /// component's log weight plus its kernels' log densities. For a log-scaled parameter the
    /// density is that of log x; the Jacobian is the same for l and g and cancels in l/g.
    func logDensity(at point: [Double]) -> Double {
        var perComponent = weights.map { Foundation.log($0) }
        for (index, kernel) in kernels.enumerated() {
            let x = index < point.count ? point[index] : .nan
            switch kernel {
            case .categorical(let probabilities):
                for component in perComponent.indices {
                    let row = component < probabilities.count ? probabilities[component] : []
                    // An index outside the choices (or not a number) has no probability; the
                    // check comes before Int(x), which would trap on a huge value.
                    let valid = x >= 0 && x < Double(row.count)
                    perComponent[component] += valid ? Foundation.log(row[Int(x)]) : -.infinity
                }
            case .numerical(let means, let sigmas, let low, let high, let log):
                let value = log ? Foundation.log(x) : x
                for component in perComponent.indices where component < means.count {
                    perComponent[component] += TruncatedNormal.logDensity(
                        value, low: low, high: high, mean: means[component], scale: sigmas[component])
                }
            }
        }
        var largest = perComponent.max() ?? -.infinity
        if largest == -.infinity { largest = 0 }
        return Foundation.log(perComponent.reduce(0) { $0 + exp($1 - largest) }) + largest
    }

    /// One point drawn from the mixture, as Optuna samples a candidate: a component by its
    /// weight, then each parameter from that component's kernel (a truncated normal by its
    /// quantile function, a choice by its probabilities). A log-scaled float may land an ulp
    /// outside its range after exp; the sampler clamps it (`Distribution.clamped`).
    func sample(using generator: inout SeededGenerator) -> [Double] {
        let component = Self.pick(weights, generator.nextUnitDouble())
        return kernels.map { kernel in
            switch kernel {
            case .categorical(let probabilities):
                let row = component < probabilities.count ? probabilities[component] : []
                return Double(Self.pick(row, generator.nextUnitDouble()))
            case .numerical(let means, let sigmas, let low, let high, let log):
                let mean = means[min(component, means.count - 1)], sigma = sigmas[min(component, sigmas.count - 1)]
                let a = (low - mean) / sigma, b = (high - mean) / sigma
                var z = TruncatedNormal.quantile(generator.nextUnitDouble(), a: a, b: b)
                if z.isNaN { z = 0 }
                let value = min(max(z * sigma + mean, low), high)
                return log ? exp(value) : value
            }
        }
    }

    /// The index whose cumulative probability first reaches `u` (NumPy's `choice` with `p`,
    /// and the categorical draw's `sum(cumsum < u)`), never past the last index.
    private static func pick(_ probabilities: [Double], _ u: Double) -> Int {
        var cumulative = 0.0
        for (index, p) in probabilities.enumerated() {
            cumulative += p
            if u < cumulative { return index }
        }
        return max(probabilities.count - 1, 0)
    }
}
