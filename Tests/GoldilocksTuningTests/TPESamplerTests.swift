import Foundation
@testable import GoldilocksTuning
import Testing

/// TPE's draws cannot equal Optuna's (NumPy's generator), so its behaviour is checked by
/// properties; the exact parts are in ParzenEstimatorTests.
@Suite struct TPESamplerTests {
    static let space = SearchSpace(learningRate: 1e-5...1)

    /// |log10(lr) + 2.5|: best at 10^-2.5, on a log scale like a real learning-rate curve.
    static func objective(_ lr: Double) -> Double { abs(log10(lr) + 2.5) }

    /// A sequential study of `count` trials of `sampler` on `objective`; the rates in trial order.
    static func run(_ sampler: any Sampler, count: Int, space: SearchSpace = space) -> [Double] {
        var trials: [TrialRecord] = []
        for number in 0..<count {
            let parameters = sampler.parameters(forTrial: number, in: space, trials: trials)
            let lr = parameters["lr"]?.floatValue ?? .nan
            trials.append(TrialRecord(id: number + 1, number: number, state: .complete, parameters: parameters, value: objective(lr)))
        }
        return trials.map { $0.learningRate ?? .nan }
    }

    @Test func theSameSeedTrialAndTrialsGiveTheSameParameters() {
        let a = Self.run(TPESampler(seed: 3, suggestion: 1e-3), count: 20)
        let b = Self.run(TPESampler(seed: 3, suggestion: 1e-3), count: 20)
        let c = Self.run(TPESampler(seed: 4, suggestion: 1e-3), count: 20)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func everyParameterStaysInItsRange() {
        let space = SearchSpace(learningRate: 1e-4...1e-1, schedules: SearchSpace.Schedule.allCases, optimizers: ["SGD", "Adam"], weightDecay: 1e-6...1e-2)
        var trials: [TrialRecord] = []
        let sampler = TPESampler(seed: 9, suggestion: 0.5)  // outside the space: clamped
        for number in 0..<40 {
            let p = sampler.parameters(forTrial: number, in: space, trials: trials)
            for (name, distribution) in space.parameters {
                #expect(p[name].flatMap { distribution.internalValue(of: $0) } != nil, "trial \(number) \(name) = \(String(describing: p[name]))")
            }
            let state: TrialState = number % 3 == 0 ? .pruned : .complete
            trials.append(TrialRecord(
                id: number + 1, number: number, state: state, parameters: p, intermediateValues: [1: Double(number % 7)],
                value: state == .complete ? Self.objective(p["lr"]?.floatValue ?? 1) : nil))
        }
        #expect(trials.first?.learningRate == 1e-1)
    }

    @Test(arguments: [nil, 1e-3] as [Double?]) func manyTrialsConcentrateNearTheMinimum(suggestion: Double?) {
        // Median of the last 10 of 40 trials within ×3 of the minimum at 10^-2.5, for each seed.
        for seed in UInt64(0)..<5 {
            let rates = Self.run(TPESampler(seed: seed, suggestion: suggestion), count: 40)
            let last = rates.suffix(10).map { log10($0) }.sorted()
            let median = (last[4] + last[5]) / 2
            #expect(abs(median + 2.5) < log10(3.0), "seed \(seed): median of the last 10 is 10^\(median)")
        }
    }

    @Test func itFindsBetterRatesThanRandomOnAverage() {
        // The best objective of 16 trials, averaged over 30 seeds, with no suggestion to help.
        var tpe = 0.0, random = 0.0
        for seed in UInt64(0)..<30 {
            tpe += Self.run(TPESampler(seed: seed), count: 16).map(Self.objective).min() ?? .infinity
            random += Self.run(RandomSampler(seed: seed), count: 16).map(Self.objective).min() ?? .infinity
        }
        print("best of 16, mean over 30 seeds: TPE \(tpe / 30), random \(random / 30)")
        #expect(tpe < random)
    }

    @Test func theStartupWalksTheLaddersRatesDownToItsBestRung() {
        // Best at 10^-2.3, between rungs 8 (10^-2.33) and 9 (10^-2). The suggestion 5e-4 sits
        // nearest rung 5, so the walk starts at rung 6, tries 5 and 7, then climbs to 8 and 9:
        // rung 8 is the best, with both neighbours tried. The rates are the 16-point grid's, to
        // the last bit.
        let objective = { (lr: Double) in abs(log10(lr) + 2.3) }
        let sampler = TPESampler(seed: 1, suggestion: 5e-4)
        var trials: [TrialRecord] = []
        for number in 0..<5 {
            let parameters = sampler.parameters(forTrial: number, in: Self.space, trials: trials)
            let lr = parameters["lr"]?.floatValue ?? .nan
            trials.append(TrialRecord(id: number + 1, number: number, state: .complete, parameters: parameters, value: objective(lr)))
        }
        let grid = GridSampler(points: 16).rates(over: 1e-5...1)
        #expect(trials.map(\.learningRate) == [6, 5, 7, 8, 9].map { grid[$0] })
        // All five startup trials are placed, none drawn: another seed places the same rates.
        #expect(Self.run(TPESampler(seed: 1, suggestion: 5e-4), count: 5) == Self.run(TPESampler(seed: 7, suggestion: 5e-4), count: 5))
    }

    @Test func withTwoSchedulesTheLastPlacedTrialTriesTheOtherOneARungAboveTheWalksBest() {
        // The default space: four constant rungs walked (6, 5, 7, 8 for a best at 10^-2.3),
        // then warmup + cosine at rung 9, one above the best.
        let space = SearchSpace(learningRate: 1e-5...1, schedules: [.constant, .warmupCosine])
        let sampler = TPESampler(seed: 2, suggestion: 5e-4)
        var trials: [TrialRecord] = []
        for number in 0..<5 {
            let parameters = sampler.parameters(forTrial: number, in: space, trials: trials)
            let lr = parameters["lr"]?.floatValue ?? .nan
            trials.append(TrialRecord(id: number + 1, number: number, state: .complete, parameters: parameters, value: abs(log10(lr) + 2.3)))
        }
        let grid = GridSampler(points: 16).rates(over: 1e-5...1)
        #expect(trials.map(\.learningRate) == [6, 5, 7, 8, 9].map { grid[$0] })
        #expect(trials.map { $0.parameters["schedule"] } == [.choice("constant"), .choice("constant"), .choice("constant"), .choice("constant"), .choice("warmup_cosine")])
    }

    @Test func parallelWorkersWalkDifferentRungsAndAFailedTrialsRungIsTakenAgain() {
        // The suggestion 5e-4 starts the walk at rung 6. A running trial holds its rung, so the
        // next worker takes the one below; a failed one does not (its retry will run it); a
        // pruned one counts as the worst, so the walk turns away from it.
        let grid = GridSampler(points: 16).rates(over: 1e-5...1)
        let sampler = TPESampler(seed: 3, suggestion: 5e-4)
        func trial(_ number: Int, _ rung: Int, _ state: TrialState, _ value: Double? = nil) -> TrialRecord {
            TrialRecord(id: number + 1, number: number, state: state, parameters: ["lr": .float(grid[rung])], value: value)
        }
        func next(_ number: Int, after trials: [TrialRecord]) -> Double? {
            sampler.parameters(forTrial: number, in: Self.space, trials: trials)["lr"]?.floatValue
        }
        #expect(next(1, after: [trial(0, 6, .running)]) == grid[5])
        #expect(next(1, after: [trial(0, 6, .failed)]) == grid[6])
        #expect(next(3, after: [trial(0, 6, .complete, 2), trial(1, 5, .pruned), trial(2, 7, .complete, 3)]) == grid[8])
    }

    @Test func withOnePlacedTrialAndTwoSchedulesItWalksTheFirst() {
        let space = SearchSpace(learningRate: 1e-5...1, schedules: [.constant, .warmupCosine])
        let parameters = TPESampler(seed: 1, suggestion: 5e-4, startupTrials: 1).parameters(forTrial: 0, in: space, trials: [])
        #expect(parameters["schedule"] == .choice("constant"))
        #expect(parameters["lr"]?.floatValue == GridSampler(points: 16).rates(over: 1e-5...1)[6])
    }

    @Test func aSuggestionNearTheEdgeKeepsTheStartupInsideTheSpace() {
        let rates = Self.run(TPESampler(seed: 2, suggestion: 0.5), count: 5)
        #expect(rates.allSatisfy { $0 >= 1e-5 && $0 <= 1 }, "\(rates)")
        #expect(rates[0] == 1, "the rung above 0.5's is the range's top")
    }

    @Test func runningTrialsPushParallelPicksApart() {
        // Eight finished trials around the minimum, then four workers asking at once: each
        // sees the earlier ones running. With the constant liar the picks spread out more.
        func spread(liar: Bool, seed: UInt64) -> Double {
            let sampler = TPESampler(seed: seed, constantLiar: liar)
            var trials: [TrialRecord] = []
            for (number, exponent) in [-4.5, -4, -3.5, -3, -2.6, -2.2, -1.5, -1].enumerated() {
                let lr = pow(10, exponent)
                trials.append(TrialRecord(id: number + 1, number: number, state: .complete, parameters: ["lr": .float(lr)], value: Self.objective(lr)))
            }
            var picks: [Double] = []
            for number in 8..<12 {
                let p = sampler.parameters(forTrial: number, in: Self.space, trials: trials)
                picks.append(log10(p["lr"]?.floatValue ?? 1))
                trials.append(TrialRecord(id: number + 1, number: number, state: .running, parameters: p))
            }
            var closest = Double.infinity
            for i in picks.indices { for j in picks.indices where j > i { closest = min(closest, abs(picks[i] - picks[j])) } }
            return closest
        }
        var withLiar = 0.0, without = 0.0
        for seed in UInt64(0)..<30 {
            withLiar += spread(liar: true, seed: seed)
            without += spread(liar: false, seed: seed)
        }
        print("closest pair of 4 parallel picks (decades), mean over 30 seeds: liar \(withLiar / 30), no liar \(without / 30)")
        #expect(withLiar > without)
    }

    @Test func aTrialThatDivergedIsNeverAmongTheGood() {
        // Five trials, the diverged one (NaN) at the rate that would otherwise look best.
        var trials: [TrialRecord] = []
        for (number, (lr, value)) in [(1e-2, Double.nan), (1e-4, 2.0), (1e-3, 1.0), (1e-1, 3.0), (1e-5, 4.0)].enumerated() {
            trials.append(TrialRecord(id: number + 1, number: number, state: .complete, parameters: ["lr": .float(lr)], value: value))
        }
        // ⌈0.1·5⌉ = 1 good trial: 1e-3, so picks gather there, not at the diverged 1e-2.
        var nearGood = 0
        for seed in UInt64(0)..<20 {
            let lr = TPESampler(seed: seed).parameters(forTrial: 5, in: Self.space, trials: trials)["lr"]?.floatValue ?? 1
            if abs(log10(lr) + 3) < abs(log10(lr) + 2) { nearGood += 1 }
        }
        #expect(nearGood >= 15)
    }

    @Test func theOrderTheStorageListsTrialsInDoesNotMatter() {
        var trials: [TrialRecord] = []
        let sampler = TPESampler(seed: 8)
        for number in 0..<12 {
            let p = sampler.parameters(forTrial: number, in: Self.space, trials: trials)
            let state: TrialState = number == 11 ? .running : number % 4 == 0 ? .pruned : .complete
            trials.append(TrialRecord(
                id: number + 1, number: number, state: state, parameters: p, intermediateValues: [1: Double(number), 2: 1],
                value: state == .complete ? Self.objective(p["lr"]?.floatValue ?? 1) : nil))
        }
        let forward = sampler.parameters(forTrial: 12, in: Self.space, trials: trials)
        #expect(sampler.parameters(forTrial: 12, in: Self.space, trials: trials.reversed()) == forward)
        #expect(sampler.parameters(forTrial: 12, in: Self.space, trials: trials.shuffled()) == forward)
    }

    @Test func categoricalParametersConcentrateOnTheBestChoice() {
        // One-cycle is worth half a decade of learning rate. Over 20 seeds Optuna 5.0.0's TPE
        // (n_startup_trials 5) picks it in 6.4 of the last 10 of 40 trials; chance is 3.3.
        let space = SearchSpace(learningRate: 1e-5...1, schedules: SearchSpace.Schedule.allCases)
        var picks = 0
        for seed in UInt64(0)..<20 {
            var trials: [TrialRecord] = []
            let sampler = TPESampler(seed: seed)
            for number in 0..<40 {
                let p = sampler.parameters(forTrial: number, in: space, trials: trials)
                let value = Self.objective(p["lr"]?.floatValue ?? 1) + (p["schedule"] == .choice("one_cycle") ? 0 : 0.5)
                trials.append(TrialRecord(id: number + 1, number: number, state: .complete, parameters: p, value: value))
            }
            picks += trials.suffix(10).filter { $0.parameters["schedule"] == .choice("one_cycle") }.count
        }
        print("one_cycle in the last 10 of 40 trials, mean over 20 seeds: \(Double(picks) / 20)")
        #expect(Double(picks) / 20 > 5.5)
    }

    @Test func itDoesAsWellAsOptunasTPE() throws {
        // Same objective, same startup count, 100 seeds each: the means agree within their errors.
        let optuna = try TPEFixtures.load().benchmark
        var best8: [Double] = [], best16: [Double] = []
        for seed in UInt64(0)..<UInt64(optuna.seeds) {
            let values = Self.run(TPESampler(seed: seed, startupTrials: optuna.startup_trials), count: 16).map(Self.objective)
            best8.append(values.prefix(8).min() ?? .infinity)
            best16.append(values.min() ?? .infinity)
        }
        func meanAndError(_ xs: [Double]) -> (Double, Double) {
            let mean = xs.reduce(0, +) / Double(xs.count)
            let sd = (xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(xs.count)).squareRoot()
            return (mean, sd / Double(xs.count).squareRoot())
        }
        for (ours, theirs, label) in [(meanAndError(best8), optuna.best_of_8, "8"), (meanAndError(best16), optuna.best_of_16, "16")] {
            print("best of \(label): ours \(ours.0) ± \(ours.1), Optuna \(theirs.mean) ± \(theirs.sem)")
            #expect(abs(ours.0 - theirs.mean) < 3 * (ours.1 * ours.1 + theirs.sem * theirs.sem).squareRoot(), "best of \(label)")
        }
    }
}
