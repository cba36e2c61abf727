import GoldilocksData
import GoldilocksFinder
import GoldilocksSpec
import Testing

@testable import GoldilocksSearch
import GoldilocksTraining

@Suite("--lr auto's hold-out rehearsal")
struct HoldOutRehearsalTests {
    @Test func keepsEveryEpochUnlessTheLastIsBeyondTheTolerance() throws {
        let rule = try HoldOutRehearsal(fraction: 0.15, tolerance: 0.05)
        #expect(rule.epochs(heldOutLosses: [1.0, 0.5, 0.4, 0.41]) == 4)  // 2.5 % above the best: keep all
        #expect(rule.epochs(heldOutLosses: [1.0, 0.5, 0.4, 0.45]) == 3)  // 12.5 % above: stop at the best
        #expect(rule.epochs(heldOutLosses: [0.3, 0.5, 0.6]) == 1)
        #expect(rule.epochs(heldOutLosses: [0.5, .nan, 0.9]) == 1)  // a NaN epoch is never the best
        #expect(rule.epochs(heldOutLosses: [.nan, .nan]) == 2)  // nothing to go on: keep them all
    }

    @Test func theRehearsalNeverReadsTheRunsValidationSet() throws {
        var configuration = RunConfiguration(data: "iris")
        configuration.hiddenLayers = [8]
        configuration.epochs = 4
        configuration.learningRate = 0.01
        let data = try PreparedData(configuration)
        var scrambled = data
        scrambled.validation = try #require(data.validation).rows([0, 0, 0])
        let rule = HoldOutRehearsal.standard
        let plain = try rule.rehearse(configuration, data: data) { _ in nil }
        let other = try rule.rehearse(configuration, data: scrambled) { _ in nil }
        #expect(plain == other)
        #expect(plain.heldOutLosses.count == 4)
        // 120 training rows less ⌈0.15 · 120⌉ = 18 held out: 102 rows, 4 batches of 32 per epoch.
        #expect(plain.steps == 4 * 4)
    }

    @Test func anOverfittingPeakIsLoweredInProportionToTheBestEpoch() {
        let early = HoldOutRehearsal.Outcome(epochs: 5, rehearsedEpochs: 20, heldOutLosses: [], steps: 0)
        #expect(early.peakScale == 0.25)
        let fine = HoldOutRehearsal.Outcome(epochs: 20, rehearsedEpochs: 20, heldOutLosses: [], steps: 0)
        #expect(fine.peakScale == 1)
    }

    @Test func autoTrainsEveryEpochWithThePeakTheRehearsalsChose() throws {
        var configuration = RunConfiguration(data: "iris")
        configuration.hiddenLayers = [16]
        let choice = try AutoLearningRate(repeats: 1).choose(for: configuration)
        let rehearsals = try #require(choice.rehearsals)
        let outcome = rehearsals.outcome
        #expect(choice.configuration.epochs == configuration.epochs)
        #expect(outcome.rehearsedEpochs == configuration.epochs && outcome.heldOutLosses.count == configuration.epochs)
        let peak = choice.suggestion.lr * 3 * rehearsals.raisedBy * outcome.peakScale
        #expect(abs(choice.learningRate - peak) <= 1e-12 * choice.learningRate)
        #expect(choice.configuration.schedule?.parameters["max_lr"] == .number(choice.learningRate))
        let steps = choice.configuration.schedule?.parameters["total_steps"]
        #expect(steps == .number(Double(configuration.epochs * 4)))  // 120 rows: 4 batches per epoch
        #expect(choice.description.contains("held-out"))
    }

    /// Rehearsals of one-cycle (16 hidden units) at a given peak.
    private func choosePeak(from peak: Double, data: String = "iris", epochs: Int = 20) throws -> HoldOutRehearsal.PeakChoice {
        var configuration = RunConfiguration(data: data)
        configuration.hiddenLayers = [16]
        configuration.epochs = epochs
        configuration.scheduleUnit = .step
        return try HoldOutRehearsal.standard.choosePeak(from: peak, configuration, data: PreparedData(configuration)) {
            Spec(name: "OneCycleLR", parameters: ["max_lr": .number($0), "total_steps": .number(Double($1))])
        }
    }

    @Test func aPeakFarTooLowIsRaisedAsFarAsAllowed() throws {
        // At 1e-4 twenty epochs barely move; each doubling ends lower on the held-out rows.
        let choice = try choosePeak(from: 1e-4)
        #expect(choice.raisedBy == 8)  // 3 climbs of ×2
        #expect(!choice.outcome.overfits)
        #expect(abs(choice.peak - 8e-4) <= 1e-15)
        // The suggested peak, the first raise on both folds, then one rehearsal per raise.
        #expect(choice.rehearsals == 1 + 3 + 1 + 1)
        #expect(choice.steps == choice.rehearsals * 20 * 4)  // 102 rows: 4 batches per epoch
    }

    @Test func anOverfittingPeakIsLoweredAndTheLoweredPeakRehearsed() throws {
        // breast-cancer over 40 epochs at 0.01: the held-out loss is best long before the end.
        let choice = try choosePeak(from: 0.01, data: "breast-cancer", epochs: 40)
        #expect(choice.raisedBy == 1 && choice.loweredBy < 1)
        #expect(choice.rehearsals == 2)  // the start, then the lowered peak
        #expect(abs(choice.peak - 0.01 * choice.loweredBy) <= 1e-15)
    }

    @Test func aPeakFarTooHighIsNotRaised() throws {
        let choice = try choosePeak(from: 3)
        #expect(choice.raisedBy == 1)
        #expect(choice.peak <= 3)
        #expect(choice.rehearsals <= 3)
    }

    @Test func withoutAHoldOutAutoKeepsTheConfiguredEpochs() throws {
        var configuration = RunConfiguration(data: "iris")
        configuration.hiddenLayers = [16]
        configuration.epochs = 7
        let choice = try AutoLearningRate(repeats: 1, holdOut: nil).choose(for: configuration)
        #expect(choice.rehearsals == nil)
        #expect(choice.configuration.epochs == 7)
    }

    @Test func badSettingsAreTypedErrors() {
        #expect(throws: FinderError.self) { try HoldOutRehearsal(fraction: 0) }
        #expect(throws: FinderError.self) { try HoldOutRehearsal(fraction: 1) }
        #expect(throws: FinderError.self) { try HoldOutRehearsal(tolerance: -0.1) }
        #expect(throws: FinderError.self) { try HoldOutRehearsal(climbs: -1) }
        #expect(throws: FinderError.self) { try HoldOutRehearsal(climbFactor: 1) }
    }
}
