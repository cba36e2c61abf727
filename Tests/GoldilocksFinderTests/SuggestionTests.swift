import GoldilocksFinder
import Testing

@Suite("Suggestion")
struct SuggestionTests {
    @Test func describesTheRuleTheLearningRateInTwoDigitsAndWhy() {
        let suggestion = Suggestion(method: .valley, lr: 0.0031622776, index: 50, loss: 1.2)
        #expect(suggestion.description == "valley: 3.2e-3 (middle of the longest descent, step 50)")
        #expect(Suggestion(method: .minimum, lr: 12.5, index: 3, loss: 1).description.hasPrefix("minimum: 1.2e1 ("))
    }

    @Test func everyRuleExplainsItselfAndNamesItsLibrary() {
        for method in SuggestionMethod.allCases {
            #expect(!method.rationale.isEmpty)
        }
        #expect(SuggestionMethod.steepest.origin == "torch-lr-finder")
        #expect(SuggestionMethod.slide.origin == "fastai")
    }
}
