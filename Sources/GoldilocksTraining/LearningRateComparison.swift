import GoldilocksLandscapes
import GoldilocksDiagnosis
import GoldilocksLogs
import GoldilocksOptimizers
import GoldilocksSpec

/// One learning rate's run in a comparison: its loss curve and where it ended.
public struct ComparedRun: Sendable, Codable {
    /// Where a logged run came from (nil for runs trained here).
    public var name: String?
    /// The learning rate (for a logged run, the first one its log records, or NaN).
    public var learningRate: Double
    /// The loss at every step (training mini-batch losses, or the function's value), in order.
    public var losses: [Double]
    /// The last loss: the final epoch's mean training loss, or the function's final value.
    public var finalLoss: Double
    public var validationLoss: Double?
    public var validationAccuracy: Double?
    /// Why the run ended early (a non-finite loss), if it did.
    public var stoppedEarly: String?
    /// What `diagnose` says about the run's learning rate (from its per-step losses, and its
    /// validation loss per epoch when trained here); nil for a run too short to diagnose.
    public var diagnosis: Diagnosis?

    enum CodingKeys: String, CodingKey {
        case name, learningRate = "lr", losses, finalLoss = "final_loss", validationLoss = "val_loss"
        case validationAccuracy = "val_accuracy", stoppedEarly = "stopped_early", diagnosis
    }
}

/// The same training at several learning rates, side by side.
public enum LearningRateComparison {
    /// Trains the configured network once per learning rate, from the same initial weights and
    /// with the same batches, in parallel on the available cores. The guard is off: a comparison
    /// shows what each rate does, including diverging.
    public static func train(_ configuration: RunConfiguration, learningRates: [Double]) async throws -> [ComparedRun] {
        var configuration = configuration
        configuration.guardEnabled = false
        let data = try PreparedData(configuration)
        // Build every setup first, so a bad configuration fails before any training.
        let setups = try learningRates.map { rate in
            var run = configuration
            run.learningRate = rate
            return try TrainingSetup(run, data: data)
        }
        return try await withThrowingTaskGroup(of: (Int, ComparedRun).self) { group in
            for (index, setup) in setups.enumerated() {
                group.addTask {
                    let (summary, history) = try setup.train()
                    return (
                        index,
                        ComparedRun(
                            name: nil, learningRate: learningRates[index], losses: history.steps.map(\.loss), finalLoss: summary.trainLoss,
                            validationLoss: summary.validationLoss, validationAccuracy: summary.validationAccuracy,
                            stoppedEarly: summary.stoppedEarly, diagnosis: summary.diagnosis)
                    )
                }
            }
            var runs = [ComparedRun?](repeating: nil, count: setups.count)
            for try await (index, run) in group { runs[index] = run }
            return runs.compactMap { $0 }
        }
    }

    /// A run read from a log (CSV, JSON lines or TensorBoard), to set beside others.
    public static func logged(_ log: LossLog, name: String) -> ComparedRun {
        let firstNonFinite = log.values.firstIndex { !$0.isFinite }
        return ComparedRun(
            name: name, learningRate: log.learningRate?.values.first ?? .nan, losses: log.values,
            finalLoss: log.values.last ?? .nan,
            stoppedEarly: firstNonFinite.map { "the loss stopped being finite at step \(log.steps[$0])" },
            diagnosis: try? log.diagnosis())
    }

    /// Runs the optimizer on an analytic function from `start` once per learning rate, each run
    /// diagnosed by rerunning it (`diagnoseLandscapeRun`).
    public static func function(
        _ function: LandscapeFunction, start: [Double], optimizer spec: Spec, learningRates: [Double], steps: Int
    ) throws -> [ComparedRun] {
        let landscape = try function.landscape(dimension: start.count)
        let make: LandscapeRunMaker = { rate in
            let withRate = Spec(name: spec.name, parameters: spec.parameters.merging(["lr": .number(rate)]) { _, new in new })
            return (try makeOptimizer(withRate, parameterCount: start.count), nil)
        }
        return try learningRates.map { rate in
            let path = try Trajectory(landscape: landscape, start: start, optimizer: make(rate).optimizer, steps: steps)
            let losses = path.rows.map(\.loss)
            return ComparedRun(
                name: nil, learningRate: rate, losses: losses, finalLoss: losses.last ?? .nan,
                stoppedEarly: path.divergedAt.map { "the loss stopped being finite at step \($0)" },
                diagnosis: try? diagnoseLandscapeRun(
                    path, landscape: landscape, start: start, steps: steps, learningRate: rate, make: make))
        }
    }
}
