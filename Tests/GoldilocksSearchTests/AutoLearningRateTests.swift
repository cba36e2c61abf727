import GoldilocksFinder
import GoldilocksSpec
import TestSupport
import Testing

@testable import GoldilocksSearch
import GoldilocksTraining

@Suite("train --lr auto")
struct AutoLearningRateTests {
    /// An evaluation: 3 range tests, the rehearsals and 20 epochs on digits (174 s unoptimised).
    @Test(.tags(.long), .optimizedOnly) func autoPicksASaneRateOnDigitsAndTrainsAbove95Percent() throws {
        let configuration = RunConfiguration(data: "digits")
        let choice = try AutoLearningRate().choose(for: configuration)
        // Adam on standardised digits trains well from about 1e-4 to 1e-2.
        #expect(choice.learningRate > 1e-4 && choice.learningRate < 3e-2)
        let rehearsals = try #require(choice.rehearsals)
        let peak = choice.suggestion.lr * 3 * rehearsals.raisedBy * rehearsals.outcome.peakScale
        #expect(abs(choice.learningRate - peak) <= 1e-12 * choice.learningRate)
        #expect(choice.choosingSteps == choice.rangeTestSteps + rehearsals.steps)
        #expect(choice.description.contains("3 × valley of 3 range test(s)"))
        #expect(choice.configuration.learningRate == choice.learningRate)
        #expect(choice.configuration.schedule?.name == "OneCycleLR")
        #expect(choice.rangeTest.repeats.count == 3)
        #expect(choice.rangeTestSteps <= 300)
        let (summary, _) = try TrainingSetup(choice.configuration).train()
        let accuracy = try #require(summary.validationAccuracy)
        #expect(accuracy > 0.95, "validation accuracy \(accuracy)")
        #expect(summary.learningRate == choice.learningRate)
    }

    @Test func theSameConfigurationChoosesTheSameRate() throws {
        var configuration = RunConfiguration(data: "iris")
        configuration.hiddenLayers = [16]
        let policy = try AutoLearningRate(repeats: 2)
        #expect(try policy.choose(for: configuration).learningRate == policy.choose(for: configuration).learningRate)
    }

    @Test func aConstantPolicyScalesTheSuggestionAndAddsNoSchedule() throws {
        var configuration = RunConfiguration(data: "iris")
        configuration.hiddenLayers = [16]
        let choice = try AutoLearningRate(method: .minimum, factor: 0.5, schedule: .constant, repeats: 1).choose(for: configuration)
        #expect(choice.configuration.schedule == nil)
        #expect(choice.learningRate == choice.suggestion.lr * 0.5)
        #expect(choice.suggestion.method == .minimum)
    }

    @Test func aScheduleTheUserChoseIsKept() throws {
        var configuration = RunConfiguration(data: "iris")
        configuration.hiddenLayers = [16]
        configuration.schedule = Spec(name: "StepLR", parameters: ["step_size": .number(10)])
        let choice = try AutoLearningRate(repeats: 1).choose(for: configuration)
        #expect(choice.configuration.schedule == configuration.schedule)
    }

    @Test func tooFewPointsBeforeDivergenceIsATypedErrorThatSaysWhatToDo() throws {
        var configuration = RunConfiguration(data: "iris")
        configuration.hiddenLayers = [16]
        // Six steps leave one point once fastai's trimming drops the last five; valley needs two.
        let policy = try AutoLearningRate(repeats: 1, sweep: LearningRateSweep(iterations: 6))
        let error = try #require(throws: FinderError.self) { try policy.choose(for: configuration) }
        guard case .noSuggestion(let failure?, _) = error, case .tooFewPoints(.valley, let points, 2, _, _) = failure, points < 2 else {
            Issue.record("expected valley's tooFewPoints inside noSuggestion, got \(error)")
            return
        }
        #expect(error.description.contains("could not choose a learning rate"))
        #expect(error.description.contains("valley needs at least 2 points"))
        #expect(error.description.contains("give --lr a number"))
    }

    @Test func badPolicySettingsAreTypedErrors() {
        #expect(throws: FinderError.factorOutOfRange(0)) { try AutoLearningRate(factor: 0) }
        #expect(throws: FinderError.tooFewRepeats(0)) { try AutoLearningRate(repeats: 0) }
    }
}
