import ArgumentParser
import Foundation
import GoldilocksDiagnosis
import GoldilocksLogs
import GoldilocksPlots

struct DiagnoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Read a loss log and say what is wrong with the learning rate, and which number to change.",
        discussion: """
            LOG is a CSV file with a loss column (nan or inf for a non-finite value; an empty cell \
            means no value at that step, as in a validation column logged every few steps), a \
            JSON-lines file, a TensorBoard event file or a folder of them (written by PyTorch's \
            SummaryWriter, Keras or goldilocks train --log-dir). The verdict is one of:
              healthy      smooth, steady decrease or converged          keep the learning rate
              too_slow     not decreasing, or very slowly                 ×10 (×3 when slow but moving)
              oscillating  jumping up and down without progress           ÷10
              diverged     rising, exploding or NaN                       ÷100
              plateau      progress, then stuck                           decay now (a schedule)

            Examples:
              goldilocks diagnose runs/digits
              goldilocks diagnose training_log.csv --column train_loss --format json
            """)

    @Argument(help: "The loss log: CSV, JSON lines, a TensorBoard event file or a folder of them; - reads standard input.")
    var log: String

    @Option(help: "The loss column (CSV/JSON lines) or tag (TensorBoard); close names such as train/loss are found.")
    var column: String = "loss"

    @Option(help: "text (verdict, evidence and a chart) or json.")
    var format: TextOrJSON = .text

    @Option(help: "Also write the loss curve, titled with the verdict, to this SVG file.")
    var plot: String?

    func run() throws {
        let loaded = try LossLog.read(log, column: column)
        for note in loaded.notes { FileHandle.standardError.write(Data("note: \(note)\n".utf8)) }
        let diagnosis = try diagnose(loaded)
        let verdict = diagnosis.verdict.rawValue.replacingOccurrences(of: "_", with: " ")
        let figure = Figures.lossCurves(
            [(loaded.loss.name, loaded.steps, loaded.values)], title: "\(loaded.loss.name) in \(log): \(verdict)")
        if let plot { try writeAtomically(figure.svg(), to: plot) }
        if format == .json { return try printJSON(diagnosis) }
        print(
            """
            \(verdict.uppercased()): \(diagnosis.symptom)
            Cause: \(diagnosis.cause)
            Fix:   \(diagnosis.fix)
            """)
        if let overfitting = diagnosis.overfitting { print("Note:  \(overfitting.description)") }
        print(figure.terminal())
    }
}

/// The diagnosis of a loss log, with its learning rates when they line up with the losses.
func diagnose(_ log: LossLog) throws -> Diagnosis {
    let rates = log.learningRate.flatMap { $0.steps == log.steps ? $0.values : nil }
    let validation = log.validation.map { (steps: $0.steps, losses: $0.values) }
    return try diagnose(losses: log.values, learningRates: rates, steps: log.steps, validation: validation)
}
