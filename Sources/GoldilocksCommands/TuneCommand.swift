import ArgumentParser
import Foundation
import GoldilocksSpec
import GoldilocksTraining
import GoldilocksTuning
import Synchronization

struct TuneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tune",
        abstract: "Search the learning rate (and the schedule around it) over many trials, pruning bad ones early.",
        discussion: """
            Each trial trains the network of the training options with a learning rate drawn \
            log-uniformly from --lr-range, held constant or as the peak of a warmup + cosine \
            schedule unless --schedules or --schedule says otherwise (and an optimizer and weight \
            decay when --optimizers, --weight-decay-range ask for them); its value is its best \
            validation loss (the epoch to keep), reported after every epoch as the best so far. \
            The TPE sampler's first five trials are placed from the range test's suggestion: four \
            walk a ladder of constant rates, three per decade, from a rung above the suggestion \
            towards the lowest value, and the fifth tries warmup + cosine a rung above their best. \
            The pruner stops a trial after an epoch where it falls behind (percentile: \
            behind the best complete trial at that epoch, once --startup-trials are complete; \
            median: behind half of them; asha: successive halving). The divergence guard is off \
            in trials, so a rate that diverges is worth +inf.

            The study lives in --storage, in Optuna's own schema: optuna.load_study, Optuna's \
            plots and optuna-dashboard read it. The same command on another machine with the \
            same storage and study joins the search and shares its --trials budget (complete and \
            pruned trials count; a failed one is run again). A worker that dies stops its \
            heartbeat and its trial is run again by another. Ctrl-C fails the trials in training \
            (the next tune runs them again) and prints the study.

            Examples:
              goldilocks tune --data wine --study wine --trials 16
              goldilocks tune --data digits --study digits --trials 32 --workers 2 --schedules constant,one_cycle
              goldilocks tune --data iris --storage postgresql://me@db:5432/studies --study iris --trials 16
            """)

    @OptionGroup var options: TrainingOptions

    @Option(help: "Where the study lives: sqlite:PATH or postgresql://user@host:port/database.")
    var storage = "sqlite:goldilocks.db"

    @Option(help: "The study's name; an existing study of that name is joined (it must have the same settings).")
    var study: String

    @Option(parsing: .unconditional, help: "The budget: trials that end complete or pruned, over every worker of the study.")
    var trials: Int

    @Option(parsing: .unconditional, help: "Trials trained at once in this process, one core each.")
    var workers = 1

    @Option(help: "tpe (model-based, seeded by a range test), random or grid (log-spaced rates, one per trial).")
    var sampler: SamplerName = .tpe

    @Option(help: "percentile (a trial goes on while it keeps up with the best complete ones; Optuna's PercentilePruner), median (the 50th percentile: Optuna's median rule), asha (successive halving) or none.")
    var pruner: PrunerName = .percentile

    @Option(help: "The learning rates searched, log-uniformly: LOW,HIGH.")
    var lrRange = "1e-5,1"

    @Option(help: "The schedules trials try: constant, one_cycle, warmup_cosine (comma-separated; more than one is searched; TPE walks its placed trials in the first and tries the last a rung above their best). Default: constant,warmup_cosine, unless --schedule names one.")
    var schedules: String?

    @Option(help: "Also search the optimizer among these names (comma-separated), e.g. sgd,adam,adamw.")
    var optimizers: String?

    @Option(help: "Also search the weight decay, log-uniformly: LOW,HIGH.")
    var weightDecayRange: String?

    @Option(parsing: .unconditional, help: "asha: epochs before the first rung.")
    var minResource = 1

    @Option(parsing: .unconditional, help: "asha: keep the best 1/N at each rung.")
    var reductionFactor = 3

    @Option(parsing: .unconditional, help: "asha: brackets (each starts its rungs one step later).")
    var brackets = 1

    @Option(parsing: .unconditional, help: "percentile: the percentile of the complete trials' losses at the same epoch that a trial must stay at or below (0-100).")
    var percentile = 0.0

    @Option(parsing: .unconditional, help: "percentile, median: complete trials before any pruning.")
    var startupTrials = 5

    @Option(parsing: .unconditional, help: "Seconds between a worker's heartbeats; a trial silent for 3 beats is failed and run again.")
    var heartbeat = 10.0

    @Option(help: "A folder for the trials' logs: trial-0000, trial-0001, … as train --log-dir writes them.")
    var logDir: String?

    @Option(help: "text (a line per trial, then the study) or json (the study, as `study --format json`).")
    var format: TextOrJSON = .text

    func validate() throws {
        guard trials >= 1 else { throw ValidationError("--trials must be at least 1, not \(trials)") }
        guard (1...256).contains(workers) else { throw ValidationError("--workers must be between 1 and 256, not \(workers)") }
        guard heartbeat > 0, heartbeat <= 3600 else { throw ValidationError("--heartbeat must be between 0 and 3600 seconds, not \(heartbeat)") }
        guard minResource >= 1, reductionFactor >= 2, brackets >= 1, startupTrials >= 0 else {
            throw ValidationError("--min-resource and --brackets must be at least 1, --reduction-factor at least 2, --startup-trials at least 0")
        }
        guard (0...100).contains(percentile) else { throw ValidationError("--percentile must be between 0 and 100, not \(percentile)") }
        _ = try space(training: options.configuration())
    }

    func run() throws {
        let training = try options.configuration()
        let definition = StudyDefinition(
            name: study, trials: trials, space: try space(training: training), sampler: sampler.choice, pruner: prunerChoice,
            seed: options.seed, training: training)
        let storage = try openStudyStorage(url: self.storage)
        StopSignals.install()
        defer { StopSignals.uninstall() }
        let text = format == .text
        let lines = Mutex<Void>(())
        let outcome = try Tuner(
            storage: storage, definition: definition, workers: workers, heartbeatInterval: heartbeat, logDirectory: logDir
        ).run(stopRequested: { StopSignals.received != nil }) { event in
            guard text else { return }
            lines.withLock { _ in
                print(describe(event))
                fflush(nil)
            }
        }
        let report = StudyReport(study: study, trials: outcome.trials, attributes: try storage.studyAttributes(study: outcome.study))
        if text {
            print(StudyCommand.describe(report))
        } else {
            try printJSON(report)
        }
        if let signo = StopSignals.received {
            throw InterruptedError(signal: signo, reason: "stopped; the trials in training are failed and run again by the next tune")
        }
    }

    private var prunerChoice: PrunerChoice {
        switch pruner {
        case .asha: .asha(minResource: minResource, reductionFactor: reductionFactor, brackets: brackets)
        case .percentile: .percentile(percentile, startupTrials: startupTrials)
        case .median: .percentile(50, startupTrials: startupTrials)
        case .none: .none
        }
    }

    private func space(training: RunConfiguration) throws -> SearchSpace {
        let lr = try parseRange(lrRange, option: "--lr-range")
        let decay = try weightDecayRange.map { try parseRange($0, option: "--weight-decay-range") }
        let scheduleList = try schedules.map { text in
            try text.split(separator: ",").map { name in
                guard let schedule = SearchSpace.Schedule(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("--schedules: \(name) is not one of constant, one_cycle, warmup_cosine")
                }
                return schedule
            }
        }
        let optimizerList = optimizers.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        if let optimizerList, optimizerList.isEmpty || optimizerList.contains("") {
            throw ValidationError("--optimizers: give names separated by commas, such as sgd,adam,adamw")
        }
        return SearchSpace(
            learningRate: lr, schedules: scheduleList ?? SearchSpace.defaultSchedules(for: training), optimizers: optimizerList,
            weightDecay: decay)
    }

    /// The pruner's reason, as the worker recorded it.
    private func prunedBecause(_ trial: TrialRecord) -> String? {
        if case .string(let reason)? = trial.attributes["pruned_because"] { return reason }
        return nil
    }

    private func describe(_ event: Tuner.Event) -> String {
        switch event {
        case .rangeTest(let suggestion, let steps):
            "range test: suggests lr \(formatted(suggestion)) (\(steps) steps); TPE places its first trials from there"
        case .trialStarted(let trial):
            "trial \(trial.number) started: \(StudyCommand.describe(trial.parameters))"
                + (trial.attributes["retry_of"].map { " (again, after trial \($0) failed)" } ?? "")
        case .trialEnded(let trial):
            "trial \(trial.number) \(trial.state.rawValue): \(StudyCommand.describe(trial.parameters)), "
                + "value \(trial.value.map(formatted) ?? "none") after \(trial.intermediateValues.count) epoch(s)"
                + (prunedBecause(trial).map { ": \($0)" } ?? "")
        case .waiting(let running):
            "budget taken; waiting for \(running) trial(s) of other workers"
        }
    }
}

/// "LOW,HIGH" with 0 < LOW ≤ HIGH, both finite.
func parseRange(_ text: String, option: String) throws -> ClosedRange<Double> {
    let numbers = try parseNumberList(text, option: option, positive: true)
    guard numbers.count == 2, numbers[0] <= numbers[1], numbers.allSatisfy(\.isFinite) else {
        throw ValidationError("\(option) takes LOW,HIGH with 0 < LOW ≤ HIGH, not \(text)")
    }
    return numbers[0]...numbers[1]
}

enum SamplerName: String, ExpressibleByArgument, CaseIterable {
    case tpe, random, grid

    var choice: SamplerChoice {
        switch self {
        case .tpe: .tpe
        case .random: .random
        case .grid: .grid
        }
    }
}

enum PrunerName: String, ExpressibleByArgument, CaseIterable {
    case percentile, median, asha, none
}
