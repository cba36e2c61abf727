import Foundation
import GoldilocksFinder
import Testing
import TestSupport

@Suite("Suggestions on recorded curves")
struct RangeTestCurveSuggestTests {
    @Test func everySuggestionMatchesFastaiAndTorchLRFinderOnEveryFixtureCurve() throws {
        let fixtures = try CurveFixtures.load()
        var compared = 0
        for fixture in fixtures.curves {
            let curve = try RangeTestCurve(lrs: fixture.lrs, losses: fixture.losses.map(\.value))
            for reference in fixture.references {
                let method = try #require(SuggestionMethod(rawValue: reference.method))
                let options = SuggestionOptions(
                    numIterations: reference.num_it, slideWindow: reference.lr_diff ?? 15,
                    slideThreshold: reference.thresh ?? 0.005, slideAdjustment: reference.adjust_value ?? 1)
                let label = "\(fixture.name) \(reference.method) num_it \(reference.num_it ?? -1) lr_diff \(reference.lr_diff ?? 15)"
                if reference.error != nil {
                    #expect(throws: SuggestionError.self, "\(label): the library failed, we must throw") {
                        try curve.suggest(method, options: options)
                    }
                    do {
                        _ = try curve.suggest(method, options: options)
                    } catch {
                        #expect(error.points == reference.points, "\(label): \(error)")
                    }
                    continue
                }
                let suggestion = try curve.suggest(method, options: options)
                let lr = try #require(reference.lr)
                expectClose(suggestion.lr, lr, rtol: 1e-12, "\(label) lr")
                #expect(suggestion.index == reference.index, "\(label) index")
                expectClose(suggestion.loss, try #require(reference.loss).value, rtol: 1e-12, "\(label) loss")
                compared += 1
            }
        }
        #expect(compared >= 80, "only \(compared) suggestions compared")
    }

    @Test func aCurveTooShortForEveryRuleThrowsErrorsThatCountThePoints() throws {
        let curve = try RangeTestCurve(lrs: [1e-5, 1e-4, 1e-3, 1e-2, 1e-1], losses: [2.3, 2.0, 1.5, 1.4, 2.0])
        for method in SuggestionMethod.allCases {
            do {
                _ = try curve.suggest(method)
                Issue.record("\(method) suggested from nothing")
            } catch {
                #expect(error.points == 0)
                #expect(error.needed == (method == .slide ? 16 : 2))
                #expect(error.description.contains("needs at least \(error.needed ?? -1) points"))
                #expect(error.description.contains("5-step curve leaves 0"))
            }
        }
    }

    @Test func theErrorNamesTheNonFiniteStepThatCutTheCurve() throws {
        let losses = [2.3, 2.2, 2.1, Double.nan] + [Double](repeating: 1, count: 20)
        let curve = try RangeTestCurve(lrs: (1...24).map { Double($0) * 1e-4 }, losses: losses)
        #expect(throws: SuggestionError.self) { try curve.suggest(.valley) }
        do {
            _ = try curve.suggest(.valley)
        } catch {
            #expect(error.points == 1)
            #expect(error.description.contains("non-finite loss of step 3"))
        }
    }

    @Test func anInfiniteLossCutsTheCurveLikeNaN() throws {
        let lrs = (0..<40).map { 1e-5 * pow(10, Double($0) / 10) }
        let losses = (0..<40).map { Double($0) < 25 ? 3 - 0.1 * Double($0) : .infinity }
        let curve = try RangeTestCurve(lrs: lrs, losses: losses)
        // The same curve with finite losses after step 24: the trims of the last 5 steps line up.
        let cut = try RangeTestCurve(lrs: Array(lrs.prefix(30)), losses: Array(losses.prefix(25)) + [Double](repeating: 9, count: 5))
        for method in [SuggestionMethod.minimum, .valley, .steepest] {
            let options = SuggestionOptions(numIterations: 40)
            #expect(try curve.suggest(method, options: options).index <= 24)
            #expect(try curve.suggest(method, options: options) == cut.suggest(method, options: options))
        }
    }

    @Test func minimumSuggestsATenthOfTheLearningRateAtTheLowestLoss() throws {
        let curve = try RangeTestCurve(
            lrs: (0..<20).map { pow(10, Double($0) / 4 - 5) }, losses: (0..<20).map { abs(Double($0) - 9) })
        let suggestion = try curve.suggest(.minimum)
        #expect(suggestion.index == 9)
        #expect(suggestion.lr == curve.lrs[9] / 10)
        #expect(suggestion.loss == 0)
    }

    @Test func invalidOptionsAreTypedErrors() throws {
        let curve = try RangeTestCurve(lrs: (1...40).map { Double($0) }, losses: (1...40).map { 1 / Double($0) })
        #expect(throws: SuggestionError.self) { try curve.suggest(.slide, options: .init(slideWindow: 0)) }
        #expect(throws: SuggestionError.self) { try curve.suggest(.valley, options: .init(numIterations: -1)) }
        #expect(throws: SuggestionError.self) { try curve.suggest(.steepest, options: .init(steepestSkipStart: -1)) }
    }

    @Test func suggestionsCollectsEveryRuleAndEveryFailure() throws {
        let curve = try RangeTestCurve(lrs: (1...20).map { Double($0) * 1e-3 }, losses: (1...20).map { 1 / Double($0) })
        let (suggestions, failures) = curve.suggestions()
        #expect(suggestions.map(\.method) == [.valley, .steep, .minimum, .steepest])
        #expect(failures.map(\.method) == [.slide])
    }
}

extension SuggestionError {
    /// The points a `tooFewPoints` failure had, nil for an invalid option.
    fileprivate var points: Int? {
        if case let .tooFewPoints(_, points, _, _, _) = self { points } else { nil }
    }

    /// The points a `tooFewPoints` failure needed, nil for an invalid option.
    fileprivate var needed: Int? {
        if case let .tooFewPoints(_, _, needed, _, _) = self { needed } else { nil }
    }
}
