import Foundation
import GoldilocksFinder
import Testing
import TestSupport

@Suite("Suggestion spread")
struct SuggestionSpreadTests {
    @Test func ratioAndGeometricStandardDeviationOfTheRepeatsSuggestions() {
        // ln 1e-3 and ln 4e-3 differ by ln 4: σ = ln 2, so the geometric σ is 2.
        let spread = SuggestionSpread(method: .valley, lrs: [1e-3, nil, 4e-3])
        expectClose(spread.ratio ?? 0, 4, rtol: 1e-12)
        expectClose(spread.geometricStandardDeviation ?? 0, 2, rtol: 1e-12)
    }

    @Test func agreeingRepeatsHaveNoSpreadAndNoSuggestionsHaveNone() {
        let same = SuggestionSpread(method: .steep, lrs: [2e-3, 2e-3])
        #expect(same.ratio == 1)
        #expect(same.geometricStandardDeviation == 1)
        let none = SuggestionSpread(method: .slide, lrs: [nil, nil])
        #expect(none.ratio == nil && none.geometricStandardDeviation == nil)
    }
}
