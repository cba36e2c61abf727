import GoldilocksTuning
import Testing

@testable import GoldilocksTuning

/// Hand-made cases that show the rule; pruners.json holds thousands of Optuna's own decisions.
@Suite struct MedianPrunerTests {
    static func trial(_ number: Int, _ losses: [Double], state: TrialState = .running) -> TrialRecord {
        TrialRecord(
            id: number + 1, number: number, state: state, parameters: ["lr": .float(1e-3)],
            intermediateValues: Dictionary(uniqueKeysWithValues: losses.enumerated().map { ($0.offset + 1, $0.element) }),
            value: state == .complete ? losses.last : nil)
    }

    static let complete = [[1.0, 0.5], [1.0, 0.7], [1.0, 0.9]].enumerated().map { trial($0.offset, $0.element, state: .complete) }

    @Test func theBestLossSoFarIsComparedWithTheCompleteTrialsMedianAtThatEpoch() {
        let pruner = MedianPruner(startupTrials: 3)
        #expect(pruner.shouldPrune(Self.trial(3, [1.2, 0.8]), trials: Self.complete))
        #expect(!pruner.shouldPrune(Self.trial(3, [1.2, 0.7]), trials: Self.complete))
        // The best so far, not the latest: 0.6 at epoch 1 beats the median 0.7 at epoch 2.
        #expect(!pruner.shouldPrune(Self.trial(3, [0.6, 2.0]), trials: Self.complete))
    }

    @Test func nothingIsPrunedBeforeTheStartupTrialsCompleteOrDuringWarmup() {
        #expect(!MedianPruner(startupTrials: 4).shouldPrune(Self.trial(3, [9, 9]), trials: Self.complete))
        let pruned = Self.trial(4, [0.1, 0.1], state: .pruned)
        #expect(!MedianPruner(startupTrials: 4).shouldPrune(Self.trial(3, [9, 9]), trials: Self.complete + [pruned]))
        #expect(!MedianPruner(startupTrials: 3, warmupEpochs: 3).shouldPrune(Self.trial(3, [9, 9]), trials: Self.complete))
        #expect(MedianPruner(startupTrials: 3, warmupEpochs: 2).shouldPrune(Self.trial(3, [9, 9]), trials: Self.complete))
    }

    @Test func aDivergedLossIsPrunedAtOnce() {
        // Optuna would compare the best so far (0.1) and train on; the loss is gone for good.
        #expect(MedianPruner(startupTrials: 3).shouldPrune(Self.trial(3, [0.1, .nan]), trials: Self.complete))
        #expect(MedianPruner(startupTrials: 100).shouldPrune(Self.trial(3, [0.1, .infinity]), trials: []))
    }

    @Test func theMedianIsNumPysIncludingItsNaNWithInfinities() {
        #expect(MedianPruner.median([3, 1, 2]) == 2)
        #expect(MedianPruner.median([4, 1, 2, 3]) == 2.5)
        #expect(MedianPruner.median([1, .nan, 3]) == 2)
        // np.nanpercentile([1, 2, inf], 50) and ([1, inf], 50) are NaN; ([1, 2, 3, inf], 50) is 2.5.
        #expect(MedianPruner.median([1, 2, .infinity]).isNaN)
        #expect(MedianPruner.median([1, .infinity]).isNaN)
        #expect(MedianPruner.median([1, 2, 3, .infinity]) == 2.5)
    }
}
