import ArgumentParser
import Foundation
import GoldilocksSearch
import GoldilocksData
import GoldilocksDiagnosis
import GoldilocksNetworks
import GoldilocksOptimizers
import GoldilocksPlots
import GoldilocksSpec
import GoldilocksTraining

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a network on a data set, guarded against divergence, and diagnose the run.",
        discussion: """
            The network is an MLP with the --model hidden layers; the loss is cross-entropy for \
            classification and mean squared error for regression (means over samples, as PyTorch). \
            Features are standardised with the training set's statistics. The guard restores the \
            last good weights and divides the learning rate by 10 when the loss turns NaN or \
            diverges (--guard off to see the run die instead).

            Ctrl-C (or SIGTERM) stops the run at the next step: the logs are flushed and the \
            summary and diagnosis of the partial run printed, and the exit status is 130 (143 \
            for SIGTERM). A second Ctrl-C ends it at once. --log-dir refuses a folder another \
            run is writing, and one that holds an earlier run unless --overwrite is given. \
            Outputs (--log-dir, --plot) are checked before the work starts.

            Limits, checked before anything is allocated: layers at most 65,536 wide, at most \
            1,000 hidden layers and 100 million parameters, batches of at most 1,000,000 samples \
            (and 250 million activations), runs of at most 10 million steps (epochs × batches).

            Examples:
              goldilocks train --data digits
              goldilocks train --data iris --optimizer '{"name":"SGD","lr":0.1,"momentum":0.9}' --epochs 50
              goldilocks train --data my.csv --target price --schedule '{"name":"OneCycleLR","max_lr":0.01,"total_steps":1000}'
              goldilocks train --data wine --log-dir runs/wine --format json
              goldilocks train --data wine --diagnose rerun
            """)

    @OptionGroup var options: TrainingOptions

    @Option(parsing: .unconditional, help: "The learning rate, overriding the optimizer's (\"auto\": range tests pick a one-cycle peak; rehearsals with 15% of the training rows held out raise or lower it).")
    var lr: String?

    @Option(help: "A folder for the run's logs: TensorBoard event files, metrics.csv/.jsonl, epochs.csv/.jsonl, run.json. Refused while another run writes to it, and when it holds an earlier run (see --overwrite).")
    var logDir: String?

    @Flag(help: "Replace the earlier run in --log-dir (its run.json, metrics, epochs and event files) instead of refusing the folder.")
    var overwrite = false

    @Option(help: "Repeat a run exactly from the run.json a --log-dir holds (the other data, model and training options are then ignored).")
    var config: String?

    @Option(help: "Also write the loss curve (with the guard's rescues marked) to this SVG file.")
    var plot: String?

    @Option(name: .customLong("guard"), help: "on: rescue a diverging run; off: let it fail.")
    var guardSetting: OnOff = .on

    @Option(help: ArgumentHelp(
        "read: diagnose the run from its log; rerun: by what rerunning it does (7 more runs).",
        discussion: """
            rerun trains the run again at ×3, ×10, ÷10, ÷100 and ÷10 from the middle on, and \
            unchanged with the next two seeds for its noise (guard off, same data), and names the \
            change that lowers the best validation loss (else the final training loss) by over \
            20% of it, twice the seeds' spread and 1% of the first loss: the verdict's own \
            definition, instead of the reader's estimate of it.
            """))
    var diagnose: DiagnosisMethod = .read

    @Option(help: "text (progress, summary) or json.")
    var format: TextOrJSON = .text

    func validate() throws {
        if let lr, lr != "auto", Double(lr).map({ $0 > 0 && $0.isFinite }) != true {
            throw ValidationError("--lr: a learning rate must be a positive number (or auto, to find one), not \(lr)")
        }
        if overwrite && logDir == nil { throw ValidationError("--overwrite replaces the run in --log-dir: give --log-dir too") }
    }

    func run() throws {
        // Outputs first: a path that cannot be written must not cost a training run (or an
        // --lr auto search) before it shows; the request claims --log-dir before any work too.
        if let plot { try checkWritable(plot, option: "--plot") }
        StopSignals.install()
        defer { StopSignals.uninstall() }
        var callbacks: [any TrainingCallback] = []
        if let bar = ProgressBar.ifTerminal(format == .text) { callbacks.append(bar) }
        let report = try request().run(
            callbacks: callbacks, stopRequested: { StopSignals.received != nil },
            guardReport: { message in FileHandle.standardError.write(Data((message + "\n").utf8)) }
        ) { notice in
            switch notice {
            case .chose(let choice):
                if format == .text { print(choice.description) }
            case .rerunning(let done, let total, let rerun):
                if format == .text { FileHandle.standardError.write(Data("rerun \(done + 1) of \(total): \(rerun)\n".utf8)) }
            case .rerunsEnded(let reason):
                FileHandle.standardError.write(Data("\(reason); the diagnosis reads the run's log instead\n".utf8))
            case .ready(let setup):
                if let signo = StopSignals.received {
                    throw InterruptedError(signal: signo, reason: "stopped before training started")
                }
                if format == .text {
                    print(describe(setup))
                    fflush(nil)  // every output stream: the header goes out before the guard's messages on stderr
                }
            }
        }
        let summary = report.summary
        let figure = trainingFigure(report.history, title: "Training loss on \(report.configuration.data)")
        // The summary before anything that can still fail: the run's result is never lost.
        if format == .json {
            try printJSON(report)
        } else {
            print(describe(summary, partial: report.interrupted))
            print(figure.terminal())
            if let logDir, report.logFailure == nil { print("Logs in \(logDir) (view with: tensorboard --logdir \(logDir))") }
        }
        fflush(nil)
        if let failure = report.logFailure { throw failure }
        if let plot { try writeAtomically(figure.svg(), to: plot, option: "--plot") }
        if let signo = StopSignals.received {
            throw InterruptedError(signal: signo, reason: report.interrupted ? summary.stoppedEarly ?? "stopped" : "stopped during the reruns")
        }
    }

    /// The run the arguments ask for; a --config run.json replaces the other options.
    private func request() throws -> TrainingRequest {
        let source: TrainingRequest.Source
        if let config {
            source = .runFile(config)
        } else {
            let learningRate: TrainingRequest.LearningRate? =
                lr == "auto" ? .auto : lr.flatMap(Double.init).map(TrainingRequest.LearningRate.value)
            source = .configuration(try options.configuration(), learningRate: learningRate, guardEnabled: guardSetting == .on)
        }
        return TrainingRequest(source, logDirectory: logDir, replacesLog: overwrite, diagnosesByRerunning: diagnose == .rerun)
    }

    private func describe(_ setup: TrainingSetup) -> String {
        let train = setup.data.train
        let kind: String
        if case .classification(let classes) = train.task {
            kind = "\(classes) classes"
        } else if let scaler = setup.data.targetStandardizer {
            kind = "regression (trained on the target standardised by mean \(formatted(scaler.mean)) and deviation \(formatted(scaler.scale)); losses are mean squared errors in the target's units)"
        } else {
            kind = "regression (losses are mean squared errors in the target's units)"
        }
        let validation = setup.data.validation.map { " and \($0.count) validation" } ?? ""
        return """
            Data \(setup.configuration.data): \(train.count) training\(validation) samples, \(train.featureCount) features, \(kind)
            Model \(setup.model.widths.map(String.init).joined(separator: "-")) (\(setup.configuration.activation.rawValue)), \
            \(setup.configuration.optimizer.name) at lr \(formatted(setup.optimizer.learningRates[0])), \
            \(setup.configuration.epochs) epochs of batches of \(setup.configuration.batchSize)
            """
    }

    /// The summary; `partial` when a signal stopped the run, so the diagnosis reads a part of it.
    private func describe(_ summary: TrainingSummary, partial: Bool) -> String {
        var parts = ["After \(summary.epochs) epochs (\(summary.steps) steps, \(formatted(summary.seconds)) s): train loss \(formatted(summary.trainLoss))"]
        if let loss = summary.validationLoss { parts.append("validation loss \(formatted(loss))") }
        if let accuracy = summary.validationAccuracy { parts.append("accuracy \(String(format: "%.1f", accuracy * 100))%") }
        var text = parts.joined(separator: ", ")
        if summary.rescues > 0 {
            text += "\nThe guard rescued the run \(summary.rescues) time(s)"
                + (summary.finalLearningRate.map { "; the learning rate ended at \(formatted($0)) (started at \(formatted(summary.learningRate)))" } ?? "") + "."
        }
        if let reason = summary.stoppedEarly { text += "\nStopped early: \(reason)" }
        if let diagnosis = summary.diagnosis {
            let how = diagnosis.reruns == nil ? "" : " by rerunning"
            let why = diagnosis.reruns == nil ? "" : " \(diagnosis.cause.prefix(1).uppercased() + diagnosis.cause.dropFirst()):"
            text += "\nDiagnosis\(partial ? " of the partial run" : "")\(how): \(diagnosis.verdict.rawValue.replacingOccurrences(of: "_", with: " ")). \(diagnosis.symptom).\(why) \(diagnosis.fix)."
            if let reruns = diagnosis.reruns {
                let loss = { (rerun: Rerun) in rerun.loss.map(formatted) ?? "not finite" }
                let changes = reruns.filter { $0.factor != 1 }.map { "\($0.change) \(loss($0))" }
                let seeds = reruns.filter { $0.factor == 1 }.map(loss)  // the unchanged run, other seeds
                text += "\nReruns (\(summary.validationLoss == nil ? "final loss" : "best validation loss")): \(changes.joined(separator: ", ")); other seeds \(seeds.joined(separator: ", "))"
            }
            if let overfitting = diagnosis.overfitting { text += "\nNote: \(overfitting.description)." }
        }
        return text
    }
}

/// How `train` diagnoses its run: from its log, or by rerunning it.
enum DiagnosisMethod: String, ExpressibleByArgument, CaseIterable {
    case read, rerun
}

/// `on` or `off`.
enum OnOff: String, ExpressibleByArgument, CaseIterable {
    case on, off
}
