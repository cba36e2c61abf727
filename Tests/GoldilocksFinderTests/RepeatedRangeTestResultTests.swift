import Foundation
import GoldilocksFinder
import Testing
import TestSupport

@Suite("Repeated range tests")
struct RepeatedRangeTestResultTests {
    /// A U-shaped loss over log lr, shifted per repeat, with a blow-up past the shifted minimum.
    static func step(shift: Double) -> (Double) -> Double {
        { lr in
            let x = log10(lr) + 3 + shift
            return 1 + x * x / 4
        }
    }

    @Test func theAggregateIsThePerStepMedianUpToTheShortestRepeat() throws {
        let test = try RangeTest(sweep: LearningRateSweep(iterations: 60), smoothing: .none, divergenceFactor: 4)
        let shifts = [0.0, 0.3, -0.3]
        let result = try test.run(repeats: 3) { r in Self.step(shift: shifts[r]) }
        #expect(result.repeats.count == 3)
        let shortest = result.repeats.map(\.lrs.count).min() ?? 0
        #expect(result.lrs.count == shortest)
        for i in 0..<shortest {
            let values = result.repeats.map { $0.smoothedLosses[i] }.sorted()
            #expect(result.median[i] == values[1])
            #expect(result.minimum[i] == values[0] && result.maximum[i] == values[2])
            expectClose(result.lowerQuartile[i], (values[0] + values[1]) / 2, rtol: 1e-14)
            expectClose(result.upperQuartile[i], (values[1] + values[2]) / 2, rtol: 1e-14)
        }
        let valley = try #require(result.suggestion(.valley))
        #expect(try valley == result.curve.suggest(.valley, options: test.options))
        let spread = try #require(result.spread(.minimum))
        #expect(spread.lrs.count == 3)
        #expect((spread.ratio ?? 0) > 1)
    }

    @Test func identicalRepeatsHaveNoSpread() throws {
        let test = try RangeTest(sweep: LearningRateSweep(iterations: 60))
        let result = try test.run(repeats: 2) { _ in Self.step(shift: 0) }
        #expect(result.spreads.allSatisfy { $0.ratio == nil || $0.ratio == 1 })
        #expect(result.median == result.repeats[0].smoothedLosses)
    }

    @Test func aggregatingNothingOrDifferentSweepsIsAnError() throws {
        let a = try RangeTest(sweep: LearningRateSweep(iterations: 30))
        let b = try RangeTest(sweep: LearningRateSweep(start: 1e-6, iterations: 30))
        #expect(throws: RangeTestError.self) { try RepeatedRangeTestResult(repeats: [], test: a) }
        let mixed = [a.run(Self.step(shift: 0)), b.run(Self.step(shift: 0))]
        #expect(throws: RangeTestError.self) { try RepeatedRangeTestResult(repeats: mixed, test: a) }
        #expect(throws: RangeTestError.self) { try a.run(repeats: 0) { _ in Self.step(shift: 0) } }
    }
}
