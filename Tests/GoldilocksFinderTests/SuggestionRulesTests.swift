@testable import GoldilocksFinder
import Testing

@Suite("Suggestion rules")
struct SuggestionRulesTests {
    @Test func gradientIsNumpysSecondOrderInsideAndFirstOrderAtTheEdges() {
        // np.gradient([1, 4, 9, 16, 25]) == [3, 4, 6, 8, 9]
        #expect(SuggestionRules.gradient([1, 4, 9, 16, 25]) == [3, 4, 6, 8, 9])
        #expect(SuggestionRules.gradient([2, 5]) == [3, 3])
        #expect(SuggestionRules.gradient([2]) == [])
    }

    @Test func argminTakesTheFirstMinimumAndSkipsNaN() {
        #expect(SuggestionRules.argmin([3, 1, 2, 1]) == 1)
        #expect(SuggestionRules.argmin([.nan, 2, 1]) == 2)
    }

    @Test func valleyOfATwoPointDescentFromTheStartWrapsToTheLastPointLikePython() {
        // fastai: max_start = -1, idx = -1 + int(2/3) + int(1/3) = -1, lrs[-1] is the last point.
        #expect(SuggestionRules.valley([2, 1, 3, 4, 5, 6]) == 5)
    }

    @Test func valleyLandsAboutHalfwayAlongTheLongestDescent() {
        // Strictly decreasing over 10 points: lds = 10 at i = 9, max_start = -1, s = 10/3,
        // idx = -1 + 3 + 1 = 3.
        #expect(SuggestionRules.valley((0..<10).map { -Double($0) }) == 3)
        // A flat curve has no descent: idx 0.
        #expect(SuggestionRules.valley([1, 1, 1, 1]) == 0)
    }

    @Test func slideStopsAtTheFirstWindowWhoseEndGradientsAgree() {
        // Quadratic loss: g is linear in the index, so |g[r] - g[l]| = 2 * window is constant.
        let losses = (0..<20).map { Double($0 * $0) * 1e-4 }
        // 2 * 3 * 1e-4 = 6e-4 <= 1e-3: the loop never runs and the first left end is kept.
        #expect(SuggestionRules.slide(losses, window: 3, threshold: 1e-3) == 16)
        // Above the threshold everywhere: the window slides to the start, the last left end is 0.
        #expect(SuggestionRules.slide(losses, window: 3, threshold: 1e-4) == 0)
    }

    @Test func interpolateIsLinearAndClampedLikeNumpysInterp() {
        #expect(SuggestionRules.interpolate(1.5, [1, 2, 3], [10, 20, 40]) == 15)
        #expect(SuggestionRules.interpolate(2.5, [1, 2, 3], [10, 20, 40]) == 30)
        #expect(SuggestionRules.interpolate(0, [1, 2, 3], [10, 20, 40]) == 10)
        #expect(SuggestionRules.interpolate(9, [1, 2, 3], [10, 20, 40]) == 40)
        #expect(SuggestionRules.interpolate(2, [1, 2, 3], [10, 20, 40]) == 20)
    }
}
