import ArgumentParser
import Foundation
import GoldilocksTraining
import GoldilocksDiagnosis
import GoldilocksLogs
import GoldilocksPlots

struct DiagnoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Read a loss log and say what is wrong with the learning rate, and which number to change.",
        discussion: """
            LOG is a CSV file with a loss column (nan or inf for a non-finite value; an empty cell \
            means no value at that step, as in a validation column logged every few steps; Keras' \
            CSVLogger and Lightning's metrics.csv included), a JSON-lines file, transformers' \
            trainer_state.json, a TensorBoard event file, or a run's folder (PyTorch's \
            SummaryWriter, Keras' train/ and validation/, Lightning's version_N, a transformers \
            output folder, goldilocks train --log-dir). The training loss, the validation loss and \
            the learning rate are found by their usual names; the Read: line says which were used. \
            A folder of several runs needs one named, or --all. The verdict is one of:
              healthy      smooth, steady decrease or converged          keep the learning rate
              too_slow     not decreasing, or very slowly                 ×10 (×3 when slow but moving)
              oscillating  jumping up and down without progress           ÷10
              diverged     rising, exploding or NaN                       ÷100
              plateau      progress, then stuck                           decay now (a schedule)

            Examples:
              goldilocks diagnose runs/digits
              goldilocks diagnose training_log.csv --column train_loss --format json
              goldilocks diagnose runs --all --format json
            """)

    @Argument(help: "The loss log: CSV, JSON lines, trainer_state.json, a TensorBoard event file or a run's folder; - reads standard input.")
    var log: String

    @Option(help: "The loss column (CSV/JSON lines) or tag (TensorBoard); close names such as train/loss are found.")
    var column: String = "loss"

    @Flag(help: "Diagnose every run in LOG's folder (runs/a, runs/b …), one after another.")
    var all = false

    @Option(help: "text (verdict, evidence and a chart) or json.")
    var format: TextOrJSON = .text

    @Option(help: "Also write the loss curve, titled with the verdict, to this SVG file.")
    var plot: String?

    func validate() throws {
        if all && plot != nil { throw ValidationError("--plot writes one run's curve: name the run instead of passing --all") }
        if all && log == "-" { throw ValidationError("--all reads a folder of runs, not standard input") }
    }

    func run() throws {
        if all { return try runAll() }
        let loaded = try LossLog.read(log, column: column)
        printNotes(loaded.notes, run: nil)
        let diagnosis = try loaded.diagnosis()
        let verdict = diagnosis.verdict.rawValue.replacingOccurrences(of: "_", with: " ")
        let figure = Figures.lossCurves(
            [(loaded.loss.name, loaded.steps, loaded.values)], title: "\(loaded.loss.name) in \(log): \(verdict)")
        if let plot { try writeAtomically(figure.svg(), to: plot) }
        if format == .json { return try printJSON(DiagnosisReport(diagnosis: diagnosis, log: loaded)) }
        print(report(diagnosis, log: loaded))
        // A goldilocks run folder can be rerun: the verdict's own definition instead of a reading.
        let configuration = URL(fileURLWithPath: log).appendingPathComponent("run.json").path
        if FileManager.default.fileExists(atPath: configuration) {
            print("Check: goldilocks train --config \(configuration) --diagnose rerun (7 more runs)")
        }
        print(figure.terminal())
    }

    /// Every run in the folder: a JSON `{"runs":[{"run", …the diagnosis…}]}`, or a block of text each.
    /// A run that cannot be read or diagnosed gets its error in its place; the exit status then says so.
    private func runAll() throws {
        var reports: [DiagnosisReport] = []
        for run in try LossLog.runs(at: log) {
            do {
                let loaded = try run.read(column: column)
                printNotes(loaded.notes, run: run.name)
                reports.append(DiagnosisReport(run: run.name, diagnosis: try loaded.diagnosis(), log: loaded))
            } catch {
                reports.append(DiagnosisReport(run: run.name, error: "\(error)"))
            }
        }
        if format == .json {
            try printJSON(["runs": reports])
        } else {
            print(reports.map { report in
                "== \(report.run ?? "") ==\n" + (report.diagnosis.map { self.report($0, series: report.series) } ?? "error: \(report.error ?? "")")
            }.joined(separator: "\n\n"))
        }
        if reports.contains(where: { $0.error != nil }) { throw ExitCode.failure }
    }

    private func printNotes(_ notes: [String], run: String?) {
        for note in notes { FileHandle.standardError.write(Data("note: \(run.map { "\($0): " } ?? "")\(note)\n".utf8)) }
    }

    private func report(_ diagnosis: Diagnosis, log: LossLog) -> String {
        report(diagnosis, series: SeriesUsed(log))
    }

    private func report(_ diagnosis: Diagnosis, series: SeriesUsed?) -> String {
        let verdict = diagnosis.verdict.rawValue.replacingOccurrences(of: "_", with: " ")
        return """
            \(verdict.uppercased()): \(diagnosis.symptom)
            Cause: \(diagnosis.cause)
            Fix:   \(diagnosis.fix)
            """ + (diagnosis.overfitting.map { "\nNote:  \($0.description)" } ?? "")
            + (series.map { "\nRead:  \($0.text)" } ?? "")
    }
}

/// Which series of a log were read, for the user: `"series":{"loss","validation","lr"}` in JSON,
/// `loss ← train/loss (400 steps), validation ← val/loss (20 points), learning rate ← lr` in text.
struct SeriesUsed: Encodable {
    var loss: String
    var validation: String?
    var lr: String?
    private var counts: (steps: Int, points: Int?)

    init(_ log: LossLog) {
        loss = log.loss.name
        validation = log.validation?.name
        lr = log.learningRate?.name
        counts = (log.loss.steps.count, log.validation?.steps.count)
    }

    var text: String {
        [
            "loss ← \(loss) (\(counts.steps) steps)",
            validation.map { "validation ← \($0) (\(counts.points ?? 0) points)" } ?? "no validation loss",
            lr.map { "learning rate ← \($0)" } ?? "no learning rate",
        ].joined(separator: ", ")
    }

    enum CodingKeys: String, CodingKey { case loss, validation, lr }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(loss, forKey: .loss)
        try container.encode(validation, forKey: .validation)  // null when the log has none
        try container.encode(lr, forKey: .lr)
    }
}

/// The JSON diagnose prints: every field of the `Diagnosis` contract, plus the series read and,
/// with `--all`, the run (or, for a run that could not be diagnosed, the run and its error).
struct DiagnosisReport: Encodable {
    var run: String?
    var diagnosis: Diagnosis?
    var series: SeriesUsed?
    var error: String?

    init(run: String? = nil, diagnosis: Diagnosis, log: LossLog) {
        self.run = run
        self.diagnosis = diagnosis
        self.series = SeriesUsed(log)
    }

    init(run: String, error: String) {
        self.run = run
        self.error = error
    }

    enum CodingKeys: String, CodingKey { case run, series, error }

    func encode(to encoder: any Encoder) throws {
        try diagnosis?.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(run, forKey: .run)
        try container.encodeIfPresent(series, forKey: .series)
        try container.encodeIfPresent(error, forKey: .error)
    }
}
