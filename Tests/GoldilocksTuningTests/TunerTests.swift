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

    @Test func badSettingsAreRefusedBeforeAnyWork() {
        let storage = InMemoryStudyStorage()
        #expect(throws: TuningError.workers(0)) { try Tuner(storage: storage, definition: Self.definition(trials: 1), workers: 0).run() }
        #expect(throws: TuningError.trials(0)) { try Tuner(storage: storage, definition: Self.definition(trials: 0)).run() }
        #expect((try? storage.studyNames()) == [])
    }
}
