import Foundation
import GoldilocksSearch
import GoldilocksSpec
import GoldilocksTraining

/// One worker's loop: claim a trial, train it while reporting and asking the pruner, record the
/// end; until the storage has nothing left to claim and nothing left running.
struct TrialWorker: Sendable {
    let storage: any StudyStorage
    let definition: StudyDefinition
    let study: Int
    let data: PreparedData
    let stepsPerEpoch: Int
    let sampler: any Sampler
    let pruner: (any Pruner)?
    let heartbeat: Heartbeat
    let staleAfter: Double
    let pollInterval: Double
    let logDirectory: String?

    func work(shouldStop: @escaping @Sendable () -> Bool, events: @Sendable (Tuner.Event) -> Void) throws {
        while !shouldStop() {
            let space = definition.space
            let claimed = try storage.claimTrial(inStudy: study, budget: definition.trials, staleAfter: staleAfter) {
                trials, number in sampler.parameters(forTrial: number, in: space, trials: trials)
            }
            guard let trial = claimed else {
                // The budget is taken. Trials still running elsewhere may yet fail and be queued
                // again, so wait for them rather than leave a dead worker's trial behind.
                let running = try storage.trials(ofStudy: study).filter { $0.state == .running || $0.state == .waiting }.count
                if running == 0 { return }
                events(.waiting(running: running))
                Thread.sleep(forTimeInterval: pollInterval)
                continue
            }
            heartbeat.add(trial.id)
            defer { heartbeat.remove(trial.id) }
            events(.trialStarted(trial))
            if let ended = try train(trial, shouldStop: shouldStop) {
                events(.trialEnded(ended))
            }
        }
    }

    /// Trains `trial` and records how it ended; nil when another worker failed it meanwhile (this
    /// worker was presumed dead), whose record is then that worker's business.
    private func train(_ trial: TrialRecord, shouldStop: @escaping @Sendable () -> Bool) throws -> TrialRecord? {
        let configuration = definition.configuration(for: trial.parameters, stepsPerEpoch: stepsPerEpoch)
        let folder = logDirectory.map { URL(fileURLWithPath: $0).appendingPathComponent(String(format: "trial-%04d", trial.number)).path }
        let reporter = EpochReporter(storage: storage, study: study, trial: trial, pruner: pruner, lastEpoch: configuration.epochs)
        let report: TrainingReport
        do {
            if let folder { try storage.setAttribute(trial: trial.id, key: "log_dir", value: .string(folder)) }
            let request = TrainingRequest(
                .configuration(configuration, learningRate: nil, guardEnabled: false), logDirectory: folder, data: data)
            report = try request.run(callbacks: [reporter], stopRequested: shouldStop)
        } catch StudyStorageError.notRunning {
            return nil
        } catch {
            try? storage.finish(trial: trial.id, state: .failed, value: nil)
            throw error
        }
        if let error = reporter.storageError {
            if case StudyStorageError.notRunning = error { return nil }
            try? storage.finish(trial: trial.id, state: .failed, value: nil)
            throw error
        }
        let summary = report.summary
        do {
            try storage.setAttribute(trial: trial.id, key: "steps", value: .number(Double(summary.steps)))
            if report.interrupted {
                // Stopped by the user: failed, so the next tuner runs these parameters again.
                try storage.finish(trial: trial.id, state: .failed, value: nil)
            } else if let reason = reporter.prunedBecause {
                try storage.setAttribute(trial: trial.id, key: "pruned_because", value: .string(reason))
                try storage.finish(trial: trial.id, state: .pruned, value: reporter.lastValue.flatMap { $0.isNaN ? nil : $0 })
            } else {
                try storage.finish(trial: trial.id, state: .complete, value: reporter.value)
            }
        } catch StudyStorageError.notRunning {
            return nil
        }
        return try storage.trials(ofStudy: study).first { $0.id == trial.id }
    }

}

/// Reports each epoch's best validation loss so far to the storage and stops the run when the
/// pruner says so.
///
/// A trial's value is its best validation loss, the one issue 12's diagnosis judges a run by:
/// the epoch a user keeps (early stopping, or a checkpoint of the best epoch). So each epoch
/// reports the value the trial would have if it stopped there, the best so far, and the pruners
/// compare those. A non-finite loss is reported as it is, so the pruner stops the trial at once.
final class EpochReporter: TrainingCallback {
    private let storage: any StudyStorage
    private let study: Int
    private let trial: TrialRecord
    private let pruner: (any Pruner)?
    private let lastEpoch: Int
    /// Why the pruner stopped the trial, if it did.
    private(set) var prunedBecause: String?
    private(set) var diverged = false
    /// The value last reported (the best so far, or the non-finite loss that ended the trial).
    private(set) var lastValue: Double?
    /// The best finite validation loss so far.
    private var best = Double.infinity
    /// The storage's error, kept to be thrown after training (a callback cannot throw).
    private(set) var storageError: (any Error)?

    init(storage: any StudyStorage, study: Int, trial: TrialRecord, pruner: (any Pruner)?, lastEpoch: Int) {
        (self.storage, self.study, self.trial, self.pruner, self.lastEpoch) = (storage, study, trial, pruner, lastEpoch)
    }

    func stepEnded(_ record: StepRecord) -> TrainingDecision {
        if !record.loss.isFinite { diverged = true }
        return .continue
    }

    /// The trial's value: its best validation loss, or +inf when training hit a non-finite loss
    /// (a rate that diverges is not a good rate, whatever it reached before).
    var value: Double { diverged ? .infinity : best }

    func epochEnded(_ record: EpochRecord) -> TrainingDecision {
        let epochs = record.epoch + 1
        let loss = record.validationLoss ?? .nan
        if loss.isFinite { best = min(best, loss) } else { diverged = true }
        let value = loss.isFinite ? best : loss
        lastValue = value
        do {
            try storage.report(trial: trial.id, step: epochs, value: value)
            // After the last epoch the trial is complete whatever the pruner would say.
            guard let pruner, epochs < lastEpoch else { return .continue }
            let trials = try storage.trials(ofStudy: study)
            guard let current = trials.first(where: { $0.id == trial.id }) else { return .continue }
            if let reason = pruner.pruningReason(current, trials: trials) {
                prunedBecause = reason
                return .stop(reason: "pruned after epoch \(epochs): \(reason)")
            }
        } catch {
            storageError = error
            return .stop(reason: "the study storage failed: \(error)")
        }
        return .continue
    }
}
