import Foundation
import GoldilocksSpec
import GoldilocksTraining
import GoldilocksTuning
import Synchronization
import Testing

@Suite struct TunerTests {
    /// A small, quick study on iris: `trials` trials of `epochs` epochs.
    static func definition(trials: Int, epochs: Int = 3, sampler: SamplerChoice = .random, pruner: PrunerChoice = .none) -> StudyDefinition {
        var training = RunConfiguration(data: "iris")
        training.epochs = epochs
        training.hiddenLayers = [8]
        return StudyDefinition(
            name: "iris", trials: trials, space: SearchSpace(learningRate: 1e-4...1), sampler: sampler, pruner: pruner,
            training: training)
    }

    @Test func workersShareTheBudgetWithoutDuplicates() throws {
        let storage = InMemoryStudyStorage()
        let outcome = try Tuner(storage: storage, definition: Self.definition(trials: 7), workers: 3).run()
        #expect(outcome.trials.map(\.number) == Array(0..<7))
        #expect(outcome.trials.allSatisfy { $0.state == .complete })
        for trial in outcome.trials {
            #expect(trial.intermediateValues.keys.sorted() == [1, 2, 3])
            #expect(trial.attributes["steps"] == .number(12))  // 120 training rows, batches of 32, 3 epochs
            #expect(trial.value == trial.intermediateValues[3])
        }
    }

    @Test func aSecondRunOfAFinishedStudyTrainsNothing() throws {
        let storage = InMemoryStudyStorage()
        let definition = Self.definition(trials: 2)
        _ = try Tuner(storage: storage, definition: definition).run()
        let again = try Tuner(storage: storage, definition: definition).run()
        #expect(again.trials.count == 2)
    }

    @Test func aDeadWorkersTrialIsFailedAndRunAgainWithTheSameParameters() throws {
        let storage = InMemoryStudyStorage()
        let definition = Self.definition(trials: 3)
        let study = try storage.openStudy(definition)
        // A worker claims trial 0 and dies: its heartbeat stops.
        let orphan = try #require(try storage.claimTrial(inStudy: study, budget: 3, staleAfter: 30) { _, _ in ["lr": .float(0.01)] })
        storage.clockOffset.withLock { $0 = 100 }
        let outcome = try Tuner(storage: storage, definition: definition, heartbeatInterval: 10).run()
        let failed = outcome.trials.filter { $0.state == .failed }
        #expect(failed.map(\.number) == [orphan.number])
        let retry = try #require(outcome.trials.first { $0.attributes["retry_of"] == .number(Double(orphan.number)) })
        #expect(retry.parameters == orphan.parameters)
        #expect(retry.state == .complete)
        #expect(outcome.trials.filter { $0.state.isFinished }.count == 3)
    }

    @Test func aStopFailsTheTrialInTrainingSoTheNextTunerRunsItAgain() throws {
        let storage = InMemoryStudyStorage()
        let started = Atomic<Bool>(false)
        let outcome = try Tuner(storage: storage, definition: Self.definition(trials: 4, epochs: 50)).run(
            stopRequested: { started.load(ordering: .relaxed) }
        ) { event in
            if case .trialStarted = event { started.store(true, ordering: .relaxed) }
        }
        #expect(outcome.trials.map(\.state) == [.failed])
    }

    @Test func aStudyWithOtherSettingsIsRefused() throws {
        let storage = InMemoryStudyStorage()
        _ = try Tuner(storage: storage, definition: Self.definition(trials: 1)).run()
        #expect(throws: StudyStorageError.self) {
            try Tuner(storage: storage, definition: Self.definition(trials: 5)).run()
        }
    }

    @Test func aDivergedTrialIsWorthInfinityNotItsLastFiniteLoss() throws {
        var training = RunConfiguration(data: "regression")
        training.epochs = 3
        training.optimizer = Spec(name: "SGD")
        let definition = StudyDefinition(name: "blow-up", trials: 1, space: SearchSpace(learningRate: 50...100), sampler: .random, pruner: .none, training: training)
        let trial = try #require(try Tuner(storage: InMemoryStudyStorage(), definition: definition).run().trials.first)
        #expect(trial.state == .complete)
        #expect(trial.value == .infinity)
    }

    @Test func aTrialIsWorthItsBestValidationLossReportedAsTheBestSoFar() throws {
        // High rates on iris: the validation loss goes up and down between epochs.
        var definition = Self.definition(trials: 3, epochs: 12)
        definition.space = SearchSpace(learningRate: 0.2...0.9)
        let logs = FileManager.default.temporaryDirectory.appendingPathComponent("tuner-best-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: logs) }
        let outcome = try Tuner(storage: InMemoryStudyStorage(), definition: definition, logDirectory: logs.path).run()
        var roseSomewhere = false
        for trial in outcome.trials {
            // What the trial's own log says it measured after each epoch.
            let csv = try String(contentsOf: logs.appendingPathComponent(String(format: "trial-%04d/epochs.csv", trial.number)), encoding: .utf8)
            let rows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let losses = try rows.map { try #require(Double(String($0[3]))) }
            roseSomewhere = roseSomewhere || zip(losses, losses.dropFirst()).contains { $0 < $1 }
            var best = Double.infinity
            let runningBest = losses.map { best = min(best, $0); return best }
            #expect(trial.intermediateValues.keys.sorted().map { trial.intermediateValues[$0]! } == runningBest)
            #expect(trial.value == losses.min())
        }
        #expect(roseSomewhere, "no validation loss rose: the test shows nothing")
    }

    @Test func aPrunedTrialRecordsWhatItFellBehind() throws {
        // Rates from 1e-4 to 1 on iris: at the best complete trial's pace, most fall behind.
        let definition = Self.definition(trials: 8, epochs: 4, pruner: .percentile(0, startupTrials: 1))
        let trials = try Tuner(storage: InMemoryStudyStorage(), definition: definition).run().trials
        let pruned = trials.filter { $0.state == .pruned }
        #expect(!pruned.isEmpty, "nothing was pruned: the test shows nothing")
        for trial in trials {
            guard case .string(let reason)? = trial.attributes["pruned_because"] else {
                #expect(trial.state != .pruned)
                continue
            }
            #expect(trial.state == .pruned)
            #expect(reason.contains("the best of the") || reason.contains("the best of the complete trial's") || reason.contains("not finite"), "\(reason)")
        }
    }

    @Test func badSettingsAreRefusedBeforeAnyWork() {
        let storage = InMemoryStudyStorage()
        #expect(throws: TuningError.workers(0)) { try Tuner(storage: storage, definition: Self.definition(trials: 1), workers: 0).run() }
        #expect(throws: TuningError.trials(0)) { try Tuner(storage: storage, definition: Self.definition(trials: 0)).run() }
        var unvalidated = Self.definition(trials: 1)
        unvalidated.training.validationSplit = 0
        #expect(throws: TuningError.noValidation) { try Tuner(storage: storage, definition: unvalidated).run() }
        #expect((try? storage.studyNames()) == [])
    }
}
