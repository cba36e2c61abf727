import Foundation
import GoldilocksCore
import GoldilocksData
import GoldilocksFinder
import GoldilocksSearch
import GoldilocksSpec
import GoldilocksTraining
import Synchronization

/// Runs a study: workers claim trials from the storage until the budget is spent, train each with
/// the sampler's parameters, report the validation loss after every epoch and stop when the pruner
/// says so (`goldilocks tune`).
///
/// There is no coordinator: every decision (which trial next, whether to prune) is taken by a
/// worker from what the storage holds, so the same tuner started on another machine against the
/// same storage and study joins the search and shares its budget. A worker that dies stops
/// beating; after `staleAfter` seconds its trial is failed and run again by another worker.
public struct Tuner: Sendable {
    /// What a tuner tells its caller as it goes, from its worker threads.
    public enum Event: Sendable {
        /// The range test ran (TPE only): its suggestion seeds the sampler.
        case rangeTest(suggestion: Double, steps: Int)
        /// A worker claimed a trial and starts training it.
        case trialStarted(TrialRecord)
        /// A trial ended complete, pruned or failed.
        case trialEnded(TrialRecord)
        /// The budget is taken but trials of other workers are still running; waiting for them.
        case waiting(running: Int)
    }

    public var storage: any StudyStorage
    public var definition: StudyDefinition
    /// Trials trained at once in this process, one thread each.
    public var workers: Int
    /// Seconds between heartbeats.
    public var heartbeatInterval: Double
    /// Seconds without a heartbeat after which a running trial is presumed dead (3 beats).
    public var staleAfter: Double { 3 * heartbeatInterval }
    /// A folder for the trials' logs (`trial-0007` for trial 7), as `train --log-dir` writes them.
    public var logDirectory: String?

    public init(
        storage: any StudyStorage, definition: StudyDefinition, workers: Int = 1, heartbeatInterval: Double = 10,
        logDirectory: String? = nil
    ) {
        self.storage = storage
        self.definition = definition
        self.workers = workers
        self.heartbeatInterval = heartbeatInterval
        self.logDirectory = logDirectory
    }

    /// What a study has when this tuner stops.
    public struct Outcome: Sendable {
        /// The study's id in the storage.
        public var study: Int
        /// Every trial of the study (this process's and others').
        public var trials: [TrialRecord]
        /// Optimizer steps of the range test that seeded the sampler, when this process ran it.
        public var rangeTestSteps: Int
    }

    /// Works on the study until its budget is spent and no trial is left running, or until
    /// `stopRequested` answers true (the trials in training are then failed, to be run again by
    /// the next tuner). Throws the first error a worker met (a bad data set, a lost database),
    /// after the other workers have stopped.
    public func run(stopRequested: @escaping @Sendable () -> Bool = { false }, events: @escaping @Sendable (Event) -> Void = { _ in })
        throws -> Outcome
    {
        guard workers >= 1 else { throw TuningError.workers(workers) }
        guard definition.trials >= 1 else { throw TuningError.trials(definition.trials) }
        guard heartbeatInterval > 0, heartbeatInterval.isFinite else { throw TuningError.heartbeat(heartbeatInterval) }
        let data = try PreparedData(definition.training)
        guard let validation = data.validation, validation.count > 0 else { throw TuningError.noValidation }
        let study = try storage.openStudy(definition)
        let stepsPerEpoch = TrainingSetup.stepsPerEpoch(rows: data.train.count, batchSize: definition.training.batchSize)
        let (suggestion, rangeTestSteps) = try seedingSuggestion(study: study, data: data, events: events)
        let sampler = definition.sampler.makeSampler(seed: definition.seed, points: definition.trials, suggestion: suggestion)
        let pruner = definition.pruner.makePruner(studyName: definition.name)

        let heartbeat = Heartbeat(storage: storage, interval: heartbeatInterval)
        defer { heartbeat.stop() }
        // Several trainers in one process each take a core; the helper thread would compete.
        let helperWasOn = SecondCore.isEnabled
        if workers > 1 { SecondCore.isEnabled = false }
        defer { SecondCore.isEnabled = helperWasOn }

        let failure = Mutex<(any Error)?>(nil)
        let shouldStop: @Sendable () -> Bool = { stopRequested() || failure.withLock { $0 != nil } }
        let worker = TrialWorker(
            storage: storage, definition: definition, study: study, data: data, stepsPerEpoch: stepsPerEpoch,
            sampler: sampler, pruner: pruner, heartbeat: heartbeat, staleAfter: staleAfter,
            pollInterval: min(1, heartbeatInterval), logDirectory: logDirectory)
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                do {
                    try worker.work(shouldStop: shouldStop, events: events)
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                }
            }
            thread.name = "goldilocks-tune-worker"
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        if let error = failure.withLock({ $0 }) { throw error }
        return Outcome(study: study, trials: try storage.trials(ofStudy: study), rangeTestSteps: rangeTestSteps)
    }

    /// The range test's suggestion for the model-based sampler, run once per study: the first
    /// tuner stores it with the study and the others read it. Returns the suggestion and the
    /// optimizer steps this process spent on it.
    ///
    /// The seed is the valley (fastai's rule, where the loss falls steadily): on the bundled data
    /// sets the best constant rate of a 20-epoch Adam run lies within ×3 of it, while the rate of
    /// the lowest range-test loss lies 10–30× above (it suits a short test, not a whole run).
    private func seedingSuggestion(study: Int, data: PreparedData, events: @Sendable (Event) -> Void) throws -> (Double?, Int) {
        guard definition.sampler == .tpe else { return (nil, 0) }
        if case .object(let stored)? = try storage.studyAttributes(study: study)["range_test"],
            case .number(let suggestion)? = stored["suggestion"]
        {
            return (suggestion, 0)
        }
        var configuration = definition.training
        configuration.learningRate = nil
        configuration.schedule = nil
        let setup = try TrainingSetup(configuration, data: data)
        let finder = try LearningRateFinder(
            test: try RangeTest(methods: [.valley]), batchSize: configuration.batchSize, seed: configuration.seed)
        let result = try finder.run(on: setup)
        let steps = result.repeats.map(\.lrs.count).reduce(0, +)
        let space = definition.space.learningRate
        // No rule could read the curve (a run that diverged at once): the sampler starts unseeded.
        let suggestion = result.suggestion(.valley).map { min(max($0.lr, space.lowerBound), space.upperBound) }
        var record: [String: JSONValue] = ["steps": .number(Double(steps))]
        if let suggestion { record["suggestion"] = .number(suggestion) }
        try storage.setStudyAttribute(study: study, key: "range_test", value: .object(record))
        if let suggestion { events(.rangeTest(suggestion: suggestion, steps: steps)) }
        return (suggestion, steps)
    }
}
