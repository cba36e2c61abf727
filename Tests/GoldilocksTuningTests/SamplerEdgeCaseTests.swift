import Foundation
import GoldilocksTuning
import Testing

/// Spaces a user can write by mistake and histories a storage can hold: every sampler answers
/// with values inside the space and never traps.
@Suite struct SamplerEdgeCaseTests {
    static let spaces = [
        SearchSpace(learningRate: 1e-3...1e-3),
        SearchSpace(learningRate: 0...0.1),
        SearchSpace(learningRate: 1e-5...1, optimizers: []),
        SearchSpace(learningRate: 1e-5...1, schedules: [.constant], weightDecay: 0...0),
    ]

    static func samplers(_ seed: UInt64) -> [any Sampler] {
        [RandomSampler(seed: seed), GridSampler(points: 0), GridSampler(points: 7), TPESampler(seed: seed, suggestion: 1e-2), TPESampler(seed: seed, startupTrials: 0)]
    }

    @Test(arguments: 0..<4) func oddSpacesGiveValuesInsideThem(index: Int) {
        let space = Self.spaces[index]
        for sampler in Self.samplers(UInt64(index)) {
            var trials: [TrialRecord] = []
            for number in 0..<12 {
                let p = sampler.parameters(forTrial: number, in: space, trials: trials)
                for (name, distribution) in space.parameters {
                    if case .categorical(let choices) = distribution, choices.isEmpty {
                        #expect(p[name] == nil)
                    } else {
                        #expect(p[name].flatMap { distribution.internalValue(of: $0) } != nil, "\(sampler) trial \(number) \(name): \(String(describing: p[name]))")
                    }
                }
                trials.append(TrialRecord(id: number + 1, number: number, state: .complete, parameters: p, intermediateValues: [1: 1], value: Double(number % 3)))
            }
        }
    }

    @Test func strangeHistoriesAreSkippedNotTrappedOn() {
        let space = SearchSpace(learningRate: 1e-5...1, schedules: SearchSpace.Schedule.allCases)
        let trials = [
            TrialRecord(id: 1, number: 0, state: .complete, parameters: ["lr": .float(.nan), "schedule": .choice("constant")], value: 1),
            TrialRecord(id: 2, number: 1, state: .complete, parameters: ["lr": .float(1e9), "schedule": .choice("nope")], value: .nan),
            TrialRecord(id: 3, number: 2, state: .pruned, parameters: [:]),
            TrialRecord(id: 4, number: 3, state: .failed, parameters: ["lr": .float(1e-3)]),
            TrialRecord(id: 5, number: 4, state: .complete, parameters: ["lr": .float(1e-3), "schedule": .choice("one_cycle")], value: -.infinity),
            TrialRecord(id: 6, number: 5, state: .running, parameters: ["lr": .float(1e-2), "schedule": .choice("one_cycle")]),
            TrialRecord(id: 7, number: 6, state: .complete, parameters: ["lr": .float(1e-4), "schedule": .choice("constant")], value: 2),
            TrialRecord(id: 8, number: 7, state: .complete, parameters: ["lr": .float(1e-1), "schedule": .choice("warmup_cosine")], value: 3),
        ]
        let p = TPESampler(seed: 1, startupTrials: 2).parameters(forTrial: 8, in: space, trials: trials)
        #expect(p["lr"].flatMap { space.parameters[0].distribution.internalValue(of: $0) } != nil)
        #expect(p["schedule"].flatMap { space.parameters[1].distribution.internalValue(of: $0) } != nil)
    }
}

@Suite struct TPESplitEdgeCaseTests {
    @Test func aNonFiniteLossIsNeverAmongTheGood() {
        let trials = [
            TrialRecord(id: 1, number: 0, state: .complete, parameters: [:], value: -.infinity),
            TrialRecord(id: 2, number: 1, state: .complete, parameters: [:], value: .nan),
            TrialRecord(id: 3, number: 2, state: .complete, parameters: [:], value: 5),
            TrialRecord(id: 4, number: 3, state: .pruned, parameters: [:], intermediateValues: [3: -.infinity]),
            TrialRecord(id: 5, number: 4, state: .pruned, parameters: [:], intermediateValues: [3: 9]),
        ]
        let split = TPESplitProbe.split(trials, below: 2)
        #expect(split.below == [2, 4])
    }
}

@Suite struct HugeSettingsTests {
    @Test func hugeGridsAndBracketCountsNeitherTrapNorAllocateWithoutBound() {
        let grid = GridSampler(points: Int.max)
        let p = grid.parameters(forTrial: 12, in: SearchSpace(learningRate: 1e-5...1, schedules: [.constant, .oneCycle]), trials: [])
        #expect(p["lr"]?.floatValue.map { $0 >= 1e-5 && $0 <= 1 } == true)
        let pruner = SuccessiveHalvingPruner(minResource: Int.max, reductionFactor: Int.max, brackets: Int.max, studyName: "s")
        #expect(pruner.brackets == 64)
        let trial = TrialRecord(id: 1, number: 3, state: .running, parameters: [:], intermediateValues: [1: 1, 2: 0.5])
        #expect(!pruner.shouldPrune(trial, trials: [trial]))
        #expect(pruner.rungEpoch(1, bracket: 0) == nil)
    }
}
