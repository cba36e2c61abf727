import GoldilocksTuning
import Testing

@testable import GoldilocksTuning

/// Hand-made cases that show the rule; pruners.json holds thousands of Optuna's own decisions.
@Suite struct PercentilePrunerTests {
    static func trial(_ number: Int, _ losses: [Double], state: TrialState = .running) -> TrialRecord {
        TrialRecord(
            id: number + 1, number: number, state: state, parameters: ["lr": .float(1e-3)],
            intermediateValues: Dictionary(uniqueKeysWithValues: losses.enumerated().map { ($0.offset + 1, $0.element) }),
            value: state == .complete ? losses.last : nil)
    }

    static let complete = [[1.0, 0.5], [1.0, 0.7], [1.0, 0.9]].enumerated().map { trial($0.offset, $0.element, state: .complete) }

    @Test func theBestLossSoFarIsComparedWithTheCompleteTrialsMedianAtThatEpoch() {
        let pruner = PercentilePruner(startupTrials: 3)
        #expect(pruner.shouldPrune(Self.trial(3, [1.2, 0.8]), trials: Self.complete))
        #expect(!pruner.shouldPrune(Self.trial(3, [1.2, 0.7]), trials: Self.complete))
        // The best so far, not the latest: 0.6 at epoch 1 beats the median 0.7 at epoch 2.
        #expect(!pruner.shouldPrune(Self.trial(3, [0.6, 2.0]), trials: Self.complete))
    }

    @Test func theReasonNamesTheLossItFellBehind() {
        let trial = Self.trial(3, [1.2, 0.55])
        #expect(PercentilePruner(percentile: 10, startupTrials: 3).pruningReason(trial, trials: Self.complete)
            == "its best loss by epoch 2, 0.55, is above 0.54, the 10th percentile of the 3 complete trials' at that epoch")
        #expect(PercentilePruner(percentile: 0, startupTrials: 3).pruningReason(trial, trials: Self.complete)
            == "its best loss by epoch 2, 0.55, is above 0.5, the best of the 3 complete trials' at that epoch")
        #expect(PercentilePruner(startupTrials: 3).pruningReason(trial, trials: Self.complete) == nil)
        #expect(PercentilePruner(startupTrials: 3).pruningReason(Self.trial(3, [0.1, .nan]), trials: Self.complete)
            == "its validation loss at epoch 2 is not finite")
    }

    @Test func nothingIsPrunedBeforeTheStartupTrialsCompleteOrDuringWarmup() {
        #expect(!PercentilePruner(startupTrials: 4).shouldPrune(Self.trial(3, [9, 9]), trials: Self.complete))
        let pruned = Self.trial(4, [0.1, 0.1], state: .pruned)
        #expect(!PercentilePruner(startupTrials: 4).shouldPrune(Self.trial(3, [9, 9]), trials: Self.complete + [pruned]))
        #expect(!PercentilePruner(startupTrials: 3, warmupEpochs: 3).shouldPrune(Self.trial(3, [9, 9]), trials: Self.complete))
        #expect(PercentilePruner(startupTrials: 3, warmupEpochs: 2).shouldPrune(Self.trial(3, [9, 9]), trials: Self.complete))
    }

    @Test func aDivergedLossIsPrunedAtOnce() {
        // Optuna would compare the best so far (0.1) and train on; the loss is gone for good.
        #expect(PercentilePruner(startupTrials: 3).shouldPrune(Self.trial(3, [0.1, .nan]), trials: Self.complete))
        #expect(PercentilePruner(startupTrials: 100).shouldPrune(Self.trial(3, [0.1, .infinity]), trials: []))
    }

    @Test func atTheTenthPercentileATrialMustKeepUpWithTheBest() {
        // The 10th percentile of 0.5, 0.7, 0.9 is 0.54.
        let pruner = PercentilePruner(percentile: 10, startupTrials: 3)
        #expect(pruner.shouldPrune(Self.trial(3, [1.2, 0.55]), trials: Self.complete))
        #expect(!pruner.shouldPrune(Self.trial(3, [1.2, 0.53]), trials: Self.complete))
        // At the 50th (the median rule) 0.55 goes on.
        #expect(!PercentilePruner(startupTrials: 3).shouldPrune(Self.trial(3, [1.2, 0.55]), trials: Self.complete))
    }

    @Test func thePercentileIsNumPysIncludingItsNaNWithInfinities() {
        #expect(PercentilePruner.percentile(50, of: [3, 1, 2]) == 2)
        #expect(PercentilePruner.percentile(50, of: [4, 1, 2, 3]) == 2.5)
        #expect(PercentilePruner.percentile(50, of: [1, .nan, 3]) == 2)
        // np.nanpercentile([1, 2, 3, 4, 5], 10) is 1.4 and (…, 90) is 4.6.
        #expect(abs(PercentilePruner.percentile(10, of: [5, 4, 3, 2, 1]) - 1.4) < 1e-15)
        #expect(abs(PercentilePruner.percentile(90, of: [1, 2, 3, 4, 5]) - 4.6) < 1e-15)
        // np.nanpercentile([1, 2, inf], 50) and ([1, inf], 50) are NaN; ([1, 2, 3, inf], 50) is
        // 2.5; ([1, 2, inf], 10) is 1.2, as the infinity is not met.
        #expect(PercentilePruner.percentile(50, of: [1, 2, .infinity]).isNaN)
        #expect(PercentilePruner.percentile(50, of: [1, .infinity]).isNaN)
        #expect(PercentilePruner.percentile(50, of: [1, 2, 3, .infinity]) == 2.5)
        #expect(abs(PercentilePruner.percentile(10, of: [1, 2, .infinity]) - 1.2) < 1e-15)
    }
}
