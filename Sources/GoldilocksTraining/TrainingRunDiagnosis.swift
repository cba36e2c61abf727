import GoldilocksDiagnosis
import GoldilocksOptimizers

/// The reruns stopped because `stopRequested` said so: the diagnosis by rerunning is not
/// complete, and the run keeps the diagnosis read from its log.
public struct RerunsStopped: Error, Sendable {}

extension TrainingSetup {
    /// How many runs `diagnoseByRerunning` trains: the five changes of the rate and two other
    /// seeds, and the run itself again without the guard when the guard rescued it.
    public static let rerunsPerDiagnosis = RateChange.tried(steps: 0).count + 2

    /// Diagnoses this setup's finished run by the verdict's definition itself: reruns it at ×3,
    /// ×10, ÷10, ÷100 and ÷10 from the middle on (the whole schedule scaled), and unchanged with
    /// the next two seeds for its noise, all on the same data and with the guard off, and names
    /// the change that improves the loss that counts (the best validation loss, else the final
    /// training loss) by more than 20%, twice the seeds' spread and 1% of the first loss
    /// (`diagnose(losses:learningRates:steps:validation:repeats:rerunning:)`).
    ///
    /// The guard is off so that a rate that needs rescuing shows as what it is; when the guard
    /// rescued the run itself, the run is trained again without it and that run is diagnosed.
    /// Costs `rerunsPerDiagnosis` (+1) runs of this setup.
    ///
    /// - Parameters:
    ///   - history: the run's history, from `train`.
    ///   - stopRequested: asked between steps; a stop ends the reruns with `RerunsStopped`.
    ///   - progress: told before each rerun: how many are done, of how many, and which ("×3",
    ///     "seed +1", "without the guard").
    /// - Throws: `RerunsStopped`, and what training throws.
    public func diagnoseByRerunning(
        _ history: History, stopRequested: @escaping () -> Bool = { false },
        progress: (_ done: Int, _ total: Int, _ rerun: String) -> Void = { _, _, _ in }
    ) throws -> Diagnosis {
        var unguarded = configuration
        unguarded.guardEnabled = false
        let total = Self.rerunsPerDiagnosis + (history.restores.isEmpty ? 0 : 1)
        var done = 0
        func rerun(_ name: String, seed: UInt64, change: RateChange? = nil) throws -> History {
            progress(done, total, name)
            done += 1
            var changed = unguarded
            changed.seed = seed
            var setup = try TrainingSetup(changed, data: data)
            if let change {
                let step = configuration.scheduleUnit == .step ? change.fromStep : change.fromStep / stepsPerEpoch
                setup.schedule = ChangedRate(
                    base: setup.schedule, learningRate: setup.optimizer.learningRates[0], step: step, factor: change.factor)
            }
            let interruption = Interruption(when: stopRequested)
            let history = try setup.train(callbacks: [interruption]).history
            if interruption.interrupted { throw RerunsStopped() }
            return history
        }
        let run = history.restores.isEmpty ? history : try rerun("without the guard", seed: configuration.seed)
        // A run that stopped being finite is diverged without reruns (`diagnose`): no seeds either.
        let repeats = lossThatCounts(run).isFinite
            ? try [1, 2].map { offset in lossThatCounts(try rerun("seed +\(offset)", seed: configuration.seed &+ offset)) }
            : []
        var diagnosis = try diagnose(
            losses: run.steps.map(\.loss), learningRates: run.steps.map(\.learningRate), steps: run.steps.map(\.step),
            validation: run.validationCurve, repeats: repeats
        ) { change in
            lossThatCounts(try rerun(change.description, seed: configuration.seed, change: change))
        }
        if run !== history { diagnosis.symptom = "without the guard, which had rescued the run: " + diagnosis.symptom }
        return diagnosis
    }
}

extension History {
    /// The validation loss at the end of each epoch that measured it, at that epoch's last step,
    /// as `diagnose(losses:learningRates:steps:validation:)` takes it; nil when no epoch did.
    public var validationCurve: (steps: [Int], losses: [Double])? {
        let validated = epochs.compactMap { epoch in epoch.validationLoss.map { (epoch.step, $0) } }
        return validated.isEmpty ? nil : (validated.map(\.0), validated.map(\.1))
    }
}

/// The loss that counts of a finished run (`lossThatCounts(losses:validation:)`).
private func lossThatCounts(_ history: History) -> Double {
    lossThatCounts(losses: history.steps.map(\.loss), validation: history.validationCurve?.losses)
}
