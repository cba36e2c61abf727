import Foundation
import GoldilocksTuning
import TestSupport
import Testing

@Suite struct GridSamplerTests {
    @Test func theGridIsLogSpacedAndEndsExactlyAtTheRangesEnds() {
        let rates = GridSampler(points: 16).rates(over: 1e-5...1)
        #expect(rates.count == 16)
        #expect(rates.first == 1e-5)
        #expect(rates.last == 1)
        // 5 decades in 15 steps: each step ×10^(1/3).
        for (a, b) in zip(rates, rates.dropFirst()) { expectClose(b / a, pow(10, 1.0 / 3), rtol: 1e-12) }
    }

    @Test func theOrderIsBitReversalSoEveryPrefixSpansTheRange() {
        #expect(GridSampler.spreadOrder(count: 16) == [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15])
        #expect(GridSampler.spreadOrder(count: 10) == [0, 8, 4, 2, 6, 1, 9, 5, 3, 7])
        #expect(GridSampler.spreadOrder(count: 1) == [0])
    }

    @Test(arguments: [1, 2, 5, 10, 16, 17]) func theFirstPointsTrialsCoverTheGridOnceAndThenRepeatIt(points: Int) {
        let sampler = GridSampler(points: points), space = SearchSpace(learningRate: 1e-4...1e-1)
        let rates = (0..<(2 * points)).map { sampler.parameters(forTrial: $0, in: space, trials: [])["lr"]?.floatValue ?? .nan }
        let grid = points == 1 ? [(1e-4 * 1e-1).squareRoot()] : sampler.rates(over: 1e-4...1e-1)
        #expect(Set(rates.prefix(points)) == Set(grid))
        #expect(Array(rates.suffix(points)) == Array(rates.prefix(points)))
    }

    @Test func categoricalParametersCycleAlongTheGridSoEachChoiceMeetsLowAndHighRates() {
        let space = SearchSpace(learningRate: 1e-5...1, schedules: SearchSpace.Schedule.allCases, optimizers: ["SGD", "Adam"])
        let sampler = GridSampler(points: 12)
        let trials = (0..<12).map { sampler.parameters(forTrial: $0, in: space, trials: []) }
        let rates = sampler.rates(over: 1e-5...1)
        // Along the ascending grid: schedules cycle with period 3, optimizers change every 3 points.
        for (index, rate) in rates.enumerated() {
            let p = trials.first { $0["lr"]?.floatValue == rate }
            #expect(p?["schedule"] == .choice(SearchSpace.Schedule.allCases[index % 3].rawValue))
            #expect(p?["optimizer"] == .choice(["SGD", "Adam"][(index / 3) % 2]))
        }
        // In the second pass over the grid every rate takes the next choice.
        let again = sampler.parameters(forTrial: 12, in: space, trials: [])
        #expect(again["lr"]?.floatValue == rates[0] && again["schedule"] == .choice("one_cycle") && again["optimizer"] == .choice("Adam"))
    }

    @Test func weightDecayTakesTheLowMiddleAndHighEnds() {
        let space = SearchSpace(learningRate: 1e-5...1, weightDecay: 1e-6...1e-2)
        let sampler = GridSampler(points: 6)
        let decays = Set((0..<6).compactMap { sampler.parameters(forTrial: $0, in: space, trials: [])["weight_decay"]?.floatValue })
        #expect(decays.count == 3 && decays.contains(1e-6) && decays.contains(1e-2))
        #expect(decays.contains { abs(log10($0) + 4) < 1e-12 })
    }
}
