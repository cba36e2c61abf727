import Foundation
import TestSupport
import Testing

@testable import GoldilocksTuning

/// The exact part of TPE against Optuna 5.0.0 (tpe.json): the components, bandwidths and weights
/// of `_ParzenEstimator`, its log densities, `_split_trials` and the truncated normal.
@Suite struct ParzenEstimatorTests {
    @Test func componentsBandwidthsAndWeightsAreOptunas() throws {
        let fixtures = try TPEFixtures.load()
        #expect(fixtures.optuna == "5.0.0")
        #expect(fixtures.parzen.count >= 40)
        for (index, fixture) in fixtures.parzen.enumerated() {
            let estimator = ParzenEstimator(observations: fixture.observations, distributions: fixture.distributions.map(\.distribution))
            expectClose(estimator.weights, fixture.weights, rtol: 1e-12, "case \(index) weights")
            #expect(estimator.kernels.count == fixture.kernels.count)
            for (kernel, expected) in zip(estimator.kernels, fixture.kernels) {
                switch kernel {
                case .numerical(let means, let sigmas, _, _, _):
                    // Tied means may swap bandwidths (NumPy's argsort is not stable, and sorts
                    // differently on different CPUs); with equal weights the mixture is the same,
                    // so the components are compared as a set of (mean, sigma) pairs.
                    let ours = zip(means, sigmas).sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
                    let theirs = zip(expected.means ?? [], expected.sigmas ?? []).sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
                    expectClose(ours.map(\.0), theirs.map(\.0), rtol: 1e-12, "case \(index) means")
                    expectClose(ours.map(\.1), theirs.map(\.1), rtol: 1e-12, "case \(index) sigmas")
                case .categorical(let probabilities):
                    let wanted = expected.probabilities ?? []
                    #expect(probabilities.count == wanted.count, "case \(index)")
                    for (row, wantedRow) in zip(probabilities, wanted) { expectClose(row, wantedRow, rtol: 1e-12, "case \(index) probabilities") }
                }
            }
        }
    }

    @Test func logDensitiesAreOptunas() throws {
        let fixtures = try TPEFixtures.load()
        var compared = 0
        for (index, fixture) in fixtures.parzen.enumerated() {
            let estimator = ParzenEstimator(observations: fixture.observations, distributions: fixture.distributions.map(\.distribution))
            for (probe, expected) in zip(fixture.probes, fixture.log_pdf) {
                // Optuna's erf is its own polynomial, ours the C library's: equal to ~1e-15.
                expectClose(estimator.logDensity(at: probe), expected.value, rtol: 1e-9, atol: 1e-12, "case \(index) probe \(probe)")
                compared += 1
            }
        }
        #expect(compared >= 400)
    }

    @Test func theGoodTrialsAreOptunasSplit() throws {
        let fixtures = try TPEFixtures.load()
        #expect(fixtures.split.filter(\.finite).count >= 30)
        for (index, fixture) in fixtures.split.enumerated() {
            let trials = fixture.trials.map { trial in
                TrialRecord(
                    id: trial.number + 1, number: trial.number, state: TrialState(rawValue: trial.state) ?? .failed,
                    parameters: ["lr": .float(1e-3)],
                    intermediateValues: Dictionary(uniqueKeysWithValues: trial.intermediate.compactMap { key, value in Int(key).map { ($0, value.value) } }),
                    value: trial.value?.value)
            }
            let finished = trials.filter { $0.state.isFinished }.count
            #expect(TPESplit.goodCount(finished: finished) == fixture.gamma, "case \(index)")
            let (below, above) = TPESplit.split(trials, below: fixture.gamma)
            if fixture.finite {
                #expect(below.map(\.number) == fixture.below, "case \(index)")
                #expect(above.map(\.number) == fixture.above, "case \(index)")
            } else {
                // Diverged trials rank last on purpose: as many good trials as Optuna's, and
                // none diverged while healthy finished trials are left above.
                #expect(below.count == fixture.below.count, "case \(index)")
                #expect(Set(below.map(\.number) + above.map(\.number)) == Set(fixture.below + fixture.above), "case \(index)")
                let healthyAbove = above.contains { $0.state.isFinished && !TPESplit.isDiverged($0) }
                #expect(!(healthyAbove && below.contains(where: TPESplit.isDiverged)), "case \(index)")
            }
        }
    }

    @Test func theTruncatedNormalIsOptunas() throws {
        let fixtures = try TPEFixtures.load()
        for fixture in fixtures.truncnorm {
            let ppf = TruncatedNormal.quantile(fixture.q, a: fixture.a, b: fixture.b)
            expectClose(ppf, fixture.ppf.value, rtol: 1e-7, atol: 1e-9, "ppf(\(fixture.q); \(fixture.a), \(fixture.b))")
            let density = TruncatedNormal.logDensity(
                fixture.x, low: fixture.a * fixture.scale + fixture.loc, high: fixture.b * fixture.scale + fixture.loc,
                mean: fixture.loc, scale: fixture.scale)
            expectClose(density, fixture.logpdf.value, rtol: 1e-9, atol: 1e-11, "logpdf at \(fixture.x)")
        }
    }

    @Test func moreThan25ObservationsRampTheOldestDown() {
        // Optuna's default_weights(30): linspace(1/30, 1, 5) then 25 ones.
        let weights = ParzenEstimator.defaultWeights(30)
        expectClose(Array(weights.prefix(5)), [1.0 / 30, 1.0 / 30 + 0.2416666666666667, 1.0 / 30 + 2 * 0.2416666666666667, 1.0 / 30 + 3 * 0.2416666666666667, 1], rtol: 1e-12)
        #expect(weights.suffix(25).allSatisfy { $0 == 1 })
    }
}
