import GoldilocksTuning
import TestSupport
import Testing

/// Replays Optuna's asynchronous studies (pruners.json) and asks our pruners at every report.
///
/// Every decision must equal Optuna 5.0.0's, except the one deliberate difference both pruners
/// document: a trial whose latest loss is NaN or infinite is pruned at once (Optuna may let it
/// train on), so there the expected decision is "prune".
@Suite struct PrunerFixtureTests {
    struct Tally {
        var decisions = 0, matched = 0, divergedOverruled = 0, mismatches: [String] = []
    }

    static func replay(kind: String) throws -> Tally {
        let fixtures = try PrunerFixtures.load()
        var tally = Tally()
        for scenario in fixtures.scenarios where scenario.pruner.kind == kind {
            let spec = scenario.pruner
            let pruner: any Pruner =
                kind != "asha"
                ? PercentilePruner(
                    percentile: spec.percentile ?? 50, startupTrials: spec.startup_trials ?? 5, warmupEpochs: spec.warmup_epochs ?? 0)
                : SuccessiveHalvingPruner(
                    minResource: spec.min_resource ?? 1, reductionFactor: spec.reduction_factor ?? 3, brackets: spec.brackets ?? 1,
                    studyName: scenario.name)
            var trials: [Int: TrialRecord] = [:]
            for event in scenario.events {
                if let number = event.ask {
                    trials[number] = TrialRecord(id: 100 + number, number: number, state: .running, parameters: ["lr": .float(1e-3)])
                } else if let number = event.trial, let step = event.step, let value = event.value?.value, let expected = event.prune {
                    trials[number]?.intermediateValues[step] = value
                    guard let trial = trials[number] else { continue }
                    let all = trials.values.sorted { $0.number < $1.number }
                    let decision = pruner.shouldPrune(trial, trials: all)
                    let wanted = value.isFinite ? expected : true
                    tally.decisions += 1
                    if decision == wanted { tally.matched += 1 } else {
                        tally.mismatches.append("\(scenario.name) trial \(number) epoch \(step) value \(value): ours \(decision), Optuna \(expected)")
                    }
                    if !value.isFinite && !expected { tally.divergedOverruled += 1 }
                } else if let number = event.pruned {
                    guard var trial = trials[number] else { continue }
                    trial.state = .pruned
                    trial.value = trial.lastStep.flatMap { trial.intermediateValues[$0] }
                    trials[number] = trial
                } else if let number = event.complete {
                    trials[number]?.state = .complete
                    trials[number]?.value = event.value?.value
                } else if let number = event.fail {
                    trials[number]?.state = .failed
                }
            }
        }
        return tally
    }

    @Test func successiveHalvingDecidesAsOptunasSuccessiveHalvingAndHyperbandPruners() throws {
        let tally = try Self.replay(kind: "asha")
        #expect(tally.decisions > 5000)
        #expect(tally.mismatches.isEmpty, "\(tally.mismatches.count) of \(tally.decisions) differ: \(tally.mismatches.prefix(10))")
        print("ASHA: \(tally.matched)/\(tally.decisions) decisions as expected; \(tally.divergedOverruled) non-finite losses pruned where Optuna trains on")
    }

    @Test func medianDecidesAsOptunasMedianPruner() throws {
        let tally = try Self.replay(kind: "median")
        #expect(tally.decisions > 2000)
        #expect(tally.mismatches.isEmpty, "\(tally.mismatches.count) of \(tally.decisions) differ: \(tally.mismatches.prefix(10))")
        print("Median: \(tally.matched)/\(tally.decisions) decisions as expected; \(tally.divergedOverruled) non-finite losses pruned where Optuna trains on")
    }

    @Test func percentileDecidesAsOptunasPercentilePruner() throws {
        let tally = try Self.replay(kind: "percentile")
        #expect(tally.decisions > 2000)
        #expect(tally.mismatches.isEmpty, "\(tally.mismatches.count) of \(tally.decisions) differ: \(tally.mismatches.prefix(10))")
        print("Percentile: \(tally.matched)/\(tally.decisions) decisions as expected; \(tally.divergedOverruled) non-finite losses pruned where Optuna trains on")
    }
}
