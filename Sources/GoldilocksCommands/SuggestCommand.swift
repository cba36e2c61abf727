import ArgumentParser
import Foundation
import GoldilocksFinder

/// `goldilocks suggest CURVE.csv`: learning rates suggested from a recorded range-test curve.
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Suggest learning rates from a recorded range-test curve (fastai's and torch-lr-finder's rules).",
        discussion: """
            CURVE.csv has a header and one row per step of a learning-rate range test (for \
            instance fastai's `learn.recorder.lrs`/`losses`, or torch-lr-finder's \
            `lr_finder.history`). The learning rate is read from a column named lr, lrs or \
            learning_rate, the loss from smoothed_loss, smooth_loss, loss or losses (a smoothed \
            loss first); --lr-column and --loss-column name others. Write `nan` or leave the cell \
            empty for a non-finite loss. The learning rate must rise from row to row.

            fastai's rules (valley, steep, minimum, slide) see the curve as `lr_find` gives it to \
            them: without the first num_it//10 and the last 5 steps, stopped before the first \
            non-finite loss. torch-lr-finder's steepest skips the first 10 and the last 5 steps.

            Examples:
              goldilocks suggest curve.csv
              goldilocks suggest curve.csv --method valley --format json
              goldilocks suggest curve.csv --num-it 100
              goldilocks suggest history.csv --lr-column lr_0 --loss-column smoothed
            """)

    @Argument(help: "The range-test curve: a CSV file with a learning-rate and a loss column.")
    var curve: String

    @Option(help: "The learning-rate column (default: the first of lr, lrs, learning_rate).")
    var lrColumn: String?

    @Option(help: "The loss column (default: the first of smoothed_loss, smooth_loss, loss, losses and the like).")
    var lossColumn: String?

    @Option(
        help: ArgumentHelp(
            "One rule: valley (fastai's default), steep, minimum, slide, or steepest (torch-lr-finder). "
                + "Without it, every rule.",
            valueName: "method"),
        transform: { name in
            guard let method = SuggestionMethod(rawValue: name.lowercased()) else {
                let names = SuggestionMethod.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("unknown method \"\(name)\"; choose one of \(names)")
            }
            return method
        })
    var method: SuggestionMethod?

    @Option(
        name: .customLong("num-it"), parsing: .unconditional,
        help: "The num_it of the fastai run that recorded the curve: fastai drops its first num_it//10 steps. Default: the row count.")
    var numIterations: Int?

    @Option(help: "text: one line per rule with why; json: {\"method\",\"lr\",\"index\",\"loss\"}, a list without --method.")
    var format: Format = .text

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func validate() throws {
        if let numIterations, numIterations < 0 {
            throw ValidationError("--num-it cannot be negative, got \(numIterations)")
        }
    }

    func run() throws {
        let report = try output()
        if !report.notes.isEmpty {
            FileHandle.standardError.write(Data((report.notes.joined(separator: "\n") + "\n").utf8))
        }
        print(report.text)
    }

    /// What `run` prints on standard output, and the notes it writes to standard error.
    func output() throws -> (text: String, notes: [String]) {
        let read = try RangeTestCSV(contentsOfFile: curve, lrColumn: lrColumn, lossColumn: lossColumn)
        let recorded = read.curve
        let options = SuggestionOptions(numIterations: numIterations)
        let notes = read.notes
        if let method {
            let suggestion = try recorded.suggest(method, options: options)
            return (format == .json ? try jsonString(suggestion) : suggestion.description, notes)
        }
        let (suggestions, failures) = recorded.suggestions(options: options)
        guard !suggestions.isEmpty else {
            throw NoSuggestion(curve: curve, failures: failures)
        }
        switch format {
        case .json:
            return (try jsonString(suggestions), notes + failures.map { "note: \($0.description)" })
        case .text:
            var lines = ["\(curve): \(recorded.count) steps, learning rates \(recorded.lrs.first.map(Suggestion.abbreviated) ?? "-") to \(recorded.lrs.last.map(Suggestion.abbreviated) ?? "-")"]
            lines += suggestions.map(\.description)
            lines += failures.map { "\($0.method.rawValue): no suggestion, \($0.description)" }
            if let valley = suggestions.first(where: { $0.method == .valley }) {
                lines.append("Start with \(Suggestion.abbreviated(valley.lr)) (valley, fastai's default); try the others if it trains too slowly or diverges.")
            }
            return (lines.joined(separator: "\n"), notes)
        }
    }
}

/// No rule could suggest from a curve: the file is what is wrong (exit 65), not the command line.
struct NoSuggestion: Error, CustomStringConvertible {
    let curve: String
    let failures: [SuggestionError]

    var description: String {
        "no rule can suggest from \(curve):\n" + failures.map(\.description).joined(separator: "\n")
    }
}
