import Foundation
import GoldilocksTuning
import Testing

/// Samplers and pruners together on scripted learning curves, one trial at a time: a check that
/// they fit (pruned trials feed TPE, the pruner reads the running trial), not the issue's
/// measurement on real training, which belongs to `tune`.
@Suite struct StudySimulationTests {
    static let epochs = 20
    static let space = SearchSpace(learningRate: 1e-5...1)

    /// A validation loss per epoch: best rates (near 10^-2.5) reach the lowest floor; small rates
    /// learn slowly; rates above 0.1 diverge to NaN after a few epochs.
    static func curve(_ lr: Double) -> [Double] {
        let x = log10(lr)
        let floor = 0.1 + 0.08 * (x + 2.5) * (x + 2.5)
        let speed = min(1, 0.5 * pow(10, (x + 3) / 2))
        return (1...epochs).map { t in
            if x > -1 && t > 3 { return .nan }
            return floor + 2 * exp(-speed * Double(t))
        }
    }

    /// Runs `count` trials; returns the best final value and the epochs trained.
    static func study(_ sampler: any Sampler, _ pruner: (any Pruner)?, count: Int) -> (best: Double, epochs: Int) {
        var trials: [TrialRecord] = []
        var trained = 0
        for number in 0..<count {
            let parameters = sampler.parameters(forTrial: number, in: space, trials: trials)
            let losses = curve(parameters["lr"]?.floatValue ?? 1)
            var trial = TrialRecord(id: number + 1, number: number, state: .running, parameters: parameters)
            for (index, loss) in losses.enumerated() {
                trial.intermediateValues[index + 1] = loss
                trained += 1
                if let pruner, pruner.shouldPrune(trial, trials: trials + [trial]) {
                    trial.state = .pruned
                    break
                }
            }
            if trial.state == .running { trial.state = .complete }
            trial.value = trial.lastStep.flatMap { trial.intermediateValues[$0] }
            trials.append(trial)
        }
        let best = trials.filter { $0.state == .complete }.compactMap(\.value).filter { !$0.isNaN }.min() ?? .infinity
        return (best, trained)
    }

    @Test func tpeAloneBeatsTheGridAndThePrunersKeepItCloseForLessOfTheEpochs() {
        // The grid's best is 10^-2.67, a sixth of a decade from the best rate: hard to beat.
        let grid = Self.study(GridSampler(points: 16), nil, count: 16)
        var plain = (wins: 0, best: 0.0, epochs: 0), pruned = (wins: 0, best: 0.0, epochs: 0), kept = (wins: 0, best: 0.0, epochs: 0)
        for seed in UInt64(0)..<20 {
            let full = Self.study(TPESampler(seed: seed, suggestion: 1e-2), nil, count: 16)
            let asha = Self.study(TPESampler(seed: seed, suggestion: 1e-2), SuccessiveHalvingPruner(studyName: "s"), count: 16)
            plain = (plain.wins + (full.best <= grid.best ? 1 : 0), plain.best + full.best / 20, plain.epochs + full.epochs)
            pruned = (pruned.wins + (asha.best <= grid.best ? 1 : 0), pruned.best + asha.best / 20, pruned.epochs + asha.epochs)
            let percentile = Self.study(TPESampler(seed: seed, suggestion: 1e-2), PercentilePruner(percentile: 0), count: 16)
            kept = (kept.wins + (percentile.best <= grid.best ? 1 : 0), kept.best + percentile.best / 20, kept.epochs + percentile.epochs)
        }
        // The default: the five placed startup trials complete, the others only while they keep
        // up with the best.
        let keptFraction = Double(kept.epochs) / 20 / Double(grid.epochs)
        print("TPE+percentile: as good in \(kept.wins)/20, mean best \(kept.best), \(Int((keptFraction * 100).rounded()))% of the grid's epochs")
        #expect(kept.wins >= 18)
        #expect(keptFraction < 0.4)
        let fraction = Double(pruned.epochs) / 20 / Double(grid.epochs)
        print(
            "grid: best \(grid.best) in \(grid.epochs) epochs; TPE: as good in \(plain.wins)/20 seeds, mean best \(plain.best); "
                + "TPE+ASHA: as good in \(pruned.wins)/20, mean best \(pruned.best), \(Int((fraction * 100).rounded()))% of the grid's epochs")
        #expect(plain.wins >= 18)
        #expect(fraction < 0.3)
        // Successive halving prunes most of the startup trials too, so the walk has few complete
        // runs to follow (a pruned rung counts as the worst).
        #expect(pruned.best < grid.best * 1.1)
    }
}
