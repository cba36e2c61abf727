import Foundation
import GoldilocksTuning
import Testing

@Suite struct RandomSamplerTests {
    @Test func theRateIsUniformInLogSpace() {
        // 4000 draws over 1e-5…1: each of the five decades should hold a fifth (800 ± 4σ, σ ≈ 25).
        let sampler = RandomSampler(seed: 12), space = SearchSpace(learningRate: 1e-5...1)
        var decades = Array(repeating: 0, count: 5)
        for number in 0..<4000 {
            guard let lr = sampler.parameters(forTrial: number, in: space, trials: [])["lr"]?.floatValue else { continue }
            #expect(lr >= 1e-5 && lr <= 1)
            decades[min(Int(log10(lr) + 5), 4)] += 1
        }
        #expect(decades.allSatisfy { abs($0 - 800) < 100 }, "\(decades)")
    }

    @Test func choicesAreUniform() {
        let sampler = RandomSampler(seed: 5), space = SearchSpace(schedules: SearchSpace.Schedule.allCases)
        var counts: [String: Int] = [:]
        for number in 0..<3000 {
            if let choice = sampler.parameters(forTrial: number, in: space, trials: [])["schedule"]?.choiceValue { counts[choice, default: 0] += 1 }
        }
        #expect(counts.count == 3 && counts.values.allSatisfy { abs($0 - 1000) < 100 }, "\(counts)")
    }

    @Test func aTrialsParametersDependOnlyOnTheSeedAndItsNumber() {
        let space = SearchSpace(schedules: SearchSpace.Schedule.allCases, weightDecay: 1e-6...1e-2)
        let other = TrialRecord(id: 1, number: 0, state: .complete, parameters: ["lr": .float(0.1)], value: 1)
        let a = RandomSampler(seed: 1).parameters(forTrial: 7, in: space, trials: [])
        #expect(a == RandomSampler(seed: 1).parameters(forTrial: 7, in: space, trials: [other]))
        #expect(a != RandomSampler(seed: 2).parameters(forTrial: 7, in: space, trials: []))
        #expect(a != RandomSampler(seed: 1).parameters(forTrial: 8, in: space, trials: []))
    }
}
