import Foundation
import GoldilocksTraining
import GoldilocksLogs
import GoldilocksSchedules

/// A training run as a user asks for it (`goldilocks train`): a configuration (with how to set
/// the learning rate and the guard) or a `run.json` to repeat, and a log folder. `run` does the
/// whole run, so a front end only gathers the request and shows the report.
public struct TrainingRequest: Sendable {
    /// How the learning rate is set.
    public enum LearningRate: Sendable, Equatable {
        /// This rate, overriding the optimizer's.
        case value(Double)
        /// Range tests choose it (and a one-cycle schedule, when none is given): see `AutoLearningRate`.
        case auto
    }

    /// What the run tells its caller before training starts.
    public enum Notice {
        /// `--lr auto` chose the learning rate (and perhaps a schedule).
        case chose(AutoLearningRate.Choice)
        /// The data are loaded and the network built; training starts next. Throwing from here
        /// (a stop asked for by then) ends the run before it writes any log.
        case ready(TrainingSetup)
        /// Diagnosing by rerunning (`diagnosesByRerunning`): `done` of `total` reruns are done,
        /// `rerun` ("×3", "seed +1") is next.
        case rerunning(done: Int, total: Int, rerun: String)
        /// The reruns ended before the diagnosis was complete (a stop, or an error): why. The
        /// run keeps the diagnosis read from its log.
        case rerunsEnded(String)
    }

    /// Where the run's configuration comes from.
    public enum Source: Sendable {
        /// This configuration, with the learning rate (nil: the configuration's, else the
        /// optimizer's default) and the divergence guard on or off.
        case configuration(RunConfiguration, learningRate: LearningRate?, guardEnabled: Bool)
        /// The `run.json` of an earlier run, repeated exactly.
        case runFile(String)
    }

    /// The run to train.
    public var source: Source
    /// A folder for the run's logs (see `RunLogging`), claimed before any work.
    public var logDirectory: String?
    /// Whether an earlier run in `logDirectory` is replaced rather than refused.
    public var replacesLog: Bool
    /// Whether the run is diagnosed by rerunning it (`TrainingSetup.diagnoseByRerunning`: seven
    /// more runs) instead of by reading its log.
    public var diagnosesByRerunning: Bool
    /// The data set already loaded, split and standardised for this configuration (a study's
    /// trials share one); nil loads it.
    public var data: PreparedData?

    /// A request to train `source`, logging into `logDirectory` when given, on `data` when the
    /// caller has prepared it.
    public init(
        _ source: Source, logDirectory: String? = nil, replacesLog: Bool = false, diagnosesByRerunning: Bool = false,
        data: PreparedData? = nil
    ) {
        self.source = source
        self.diagnosesByRerunning = diagnosesByRerunning
        self.logDirectory = logDirectory
        self.replacesLog = replacesLog
        self.data = data
    }

    /// Claims the log folder, settles the configuration (the file's, or the request's with its
    /// learning rate and guard, `--lr auto` choosing the rate), trains with `callbacks`, logs and
    /// diagnoses the run.
    ///
    /// The log folder comes first so that a folder in use fails before an `--lr auto` search
    /// costs anything. `stopRequested` is asked between steps (see `Interruption`); the guard's
    /// messages go to `guardReport`. A log that fails mid-run stops the run and is reported in
    /// `TrainingReport.logFailure`, not thrown, so the run's result is never lost.
    public func run(
        callbacks: [any TrainingCallback] = [], stopRequested: @escaping () -> Bool = { false },
        guardReport: @escaping (String) -> Void = { _ in }, notify: (Notice) throws -> Void = { _ in }
    ) throws -> TrainingReport {
        let folder = try logDirectory.map { try RunFolder(claiming: URL(fileURLWithPath: $0), replacing: replacesLog) }
        var configuration: RunConfiguration
        var autoSteps: Int?
        switch source {
        case .runFile(let path):
            configuration = try RunConfiguration.read(from: path)
        case .configuration(let requested, let learningRate, let guardEnabled):
            configuration = requested
            configuration.guardEnabled = guardEnabled
            switch learningRate {
            case .value(let rate):
                configuration.learningRate = rate
            case .auto:
                let choice = try AutoLearningRate().choose(for: configuration)
                configuration = choice.configuration
                autoSteps = choice.choosingSteps
                try notify(.chose(choice))
            case nil:
                break
            }
        }
        let setup = try TrainingSetup(configuration, data: data)
        try notify(.ready(setup))
        let interruption = Interruption(when: stopRequested)
        let logging = try folder.map {
            try RunLogging(folder: $0, configuration: configuration, cyclesMomentum: setup.schedule?.momentum(at: 0) != nil)
        }
        let all: [any TrainingCallback] = [interruption] + callbacks + (logging.map { [$0] } ?? [])
        var (summary, history) = try setup.train(callbacks: all, report: guardReport)
        summary.autoSteps = autoSteps
        // Only a run its log can diagnose (5 losses or more) is worth rerunning.
        if diagnosesByRerunning, summary.diagnosis != nil, !interruption.interrupted, logging?.failure == nil {
            do {
                summary.diagnosis = try setup.diagnoseByRerunning(history, stopRequested: stopRequested) { done, total, rerun in
                    try? notify(.rerunning(done: done, total: total, rerun: rerun))
                }
            } catch is RerunsStopped {
                try notify(.rerunsEnded("stopped before the reruns finished"))
            } catch {
                try notify(.rerunsEnded("the diagnosis by rerunning failed: \(error)"))
            }
        }
        return TrainingReport(
            summary: summary, configuration: configuration, history: history, interrupted: interruption.interrupted,
            logFailure: logging?.failure)
    }
}
