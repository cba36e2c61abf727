import GoldilocksDiagnosis
import GoldilocksSpec
import GoldilocksTraining
import Testing

/// The loss that counts of `configuration`'s run on `data`, trained on its own, without the guard.
private func lossThatCounts(of configuration: RunConfiguration, on data: PreparedData) throws -> Double {
    var unguarded = configuration
    unguarded.guardEnabled = false
    let history = try TrainingSetup(unguarded, data: data).train().history
    return lossThatCounts(losses: history.steps.map(\.loss), validation: history.validationCurve?.losses)
}

@Test func eachRerunIsTheRunAtTheChangedRateOrSeed() throws {
    // SGD at 0.01 on iris: 20 epochs of 4 steps, validated each epoch.
    var configuration = RunConfiguration(data: "iris")
    configuration.optimizer = Spec(name: "SGD")
    configuration.learningRate = 0.01
    let setup = try TrainingSetup(configuration)
    let history = try setup.train().history
    var progress: [String] = []
    let diagnosis = try setup.diagnoseByRerunning(history, progress: { done, total, rerun in
        #expect(total == 7 && done == progress.count)
        progress.append(rerun)
    })
    let reruns = try #require(diagnosis.reruns)
    #expect(reruns.map(\.change) == ["×3", "×10", "÷10", "÷100", "÷10 from step 40", "seed +1", "seed +2"])
    #expect(progress == ["seed +1", "seed +2", "×3", "×10", "÷10", "÷100", "÷10 from step 40"])
    for (rerun, rate) in zip(reruns.prefix(4), [0.03, 0.1, 0.001, 0.0001]) {
        var changed = configuration
        changed.learningRate = rate
        #expect(rerun.loss == (try lossThatCounts(of: changed, on: setup.data)), "\(rerun.change)")
    }
    var decayed = configuration
    decayed.schedule = try Spec(json: #"{"name":"MultiStepLR","milestones":[40],"gamma":0.1}"#)
    #expect(reruns[4].loss == (try lossThatCounts(of: decayed, on: setup.data)))
    // Another seed draws other weights and batches, on the same rows: its split would differ.
    for (rerun, seed) in zip(reruns.suffix(2), [1, 2] as [UInt64]) {
        var seeded = configuration
        seeded.seed = seed
        #expect(rerun.loss == (try lossThatCounts(of: seeded, on: setup.data)), "\(rerun.change)")
    }
    // SGD at 0.01 is far too slow here: ×10 lowers the best validation loss most.
    #expect(diagnosis.verdict == .tooSlow && diagnosis.learningRateFactor == 10, "\(diagnosis.cause)")
    #expect(diagnosis.confidence == .high)
}

@Test func aRunTheGuardRescuedIsDiagnosedAsItRunsWithoutTheGuard() throws {
    // Adam at 10 on iris: the guard rescues it; without the guard the rate blows the run up.
    var configuration = RunConfiguration(data: "iris")
    configuration.learningRate = 10
    let setup = try TrainingSetup(configuration)
    let history = try setup.train().history
    #expect(!history.restores.isEmpty)
    var reruns: [String] = []
    let diagnosis = try setup.diagnoseByRerunning(history, progress: { _, total, rerun in
        #expect(total == 8)
        reruns.append(rerun)
    })
    #expect(reruns.first == "without the guard")
    #expect(diagnosis.symptom.hasPrefix("without the guard, which had rescued the run: "), "\(diagnosis.symptom)")
    #expect([Verdict.diverged, .oscillating].contains(diagnosis.verdict), "\(diagnosis.verdict): \(diagnosis.cause)")
    #expect(diagnosis.learningRateFactor < 1)
}

@Test func aStopEndsTheReruns() throws {
    var configuration = RunConfiguration(data: "iris")
    configuration.epochs = 3
    let setup = try TrainingSetup(configuration)
    let history = try setup.train().history
    #expect(throws: RerunsStopped.self) { try setup.diagnoseByRerunning(history, stopRequested: { true }) }
}

@Test func aRunThatDivergesWithoutTheGuardIsNotRerun() throws {
    // Adam at 1e30 on iris: rescued by the guard; trained again without it, it is not finite at
    // once, so it is diverged as its log says, without seeds or changes.
    var configuration = RunConfiguration(data: "iris")
    configuration.learningRate = 1e30
    let setup = try TrainingSetup(configuration)
    let history = try setup.train().history
    var reruns: [String] = []
    let diagnosis = try setup.diagnoseByRerunning(history, progress: { _, _, rerun in reruns.append(rerun) })
    #expect(reruns == ["without the guard"])
    #expect(diagnosis.verdict == .diverged && diagnosis.reruns == nil)
}
