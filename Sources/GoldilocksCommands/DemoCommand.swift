import Foundation
import ArgumentParser
import GoldilocksLandscapes
import GoldilocksPlots
import GoldilocksTraining

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "See what a learning rate that is too small, just right and too large does.",
        discussion: """
            Runs gradient descent on f(x) = x² from x = 5, once per learning rate: each epoch does \
            x ← x − lr·2x. At 0.001 the loss barely moves (too small), at 0.1 it vanishes (just \
            right), at 1.1 every step overshoots further until |x| passes 1000 (too large).

            Examples:
              goldilocks demo
              goldilocks demo --lrs 0.01,0.5,0.99 --epochs 20
              goldilocks demo --format json
            """)

    @Option(parsing: .unconditional, help: "Learning rates to compare, comma-separated.")
    var lrs: String = "0.001,0.1,1.1"

    @Option(parsing: .unconditional, help: "Where x starts.")
    var start: Double = 5

    @Option(parsing: .unconditional, help: "How many gradient-descent steps each run takes (at most 1,000,000).")
    var epochs: Int = 50

    /// The most epochs a demo run keeps.
    static let epochLimit = 1_000_000

    @Option(help: "text (a table and a chart), json, or svg (the loss curves).")
    var format: ChartFormat = .text

    func validate() throws {
        guard epochs >= 0 else { throw ValidationError("--epochs must be 0 or more") }
        // Each run keeps its loss per epoch for the chart.
        guard epochs <= Self.epochLimit else {
            throw ValidationError("--epochs \(epochs) is more than the demo draws (at most \(Self.epochLimit))")
        }
        guard start.isFinite else { throw ValidationError("--start must be a finite number") }
        _ = try learningRates()
    }

    func learningRates() throws -> [Double] {
        try parseNumberList(lrs, option: "--lrs", positive: true)
    }

    func run() throws {
        let demo = GradientDescentDemo(start: start, epochs: epochs)
        let runs = try learningRates().map(demo.run(learningRate:))
        if format == .json { return try printJSON(runs) }
        if format == .svg { return print(demoFigure(runs).svg()) }
        var rows = [["lr", "final x", "loss", "epochs", "verdict"]]
        for run in runs {
            let ending = run.explodedAt.map { "exploded at epoch \($0)" } ?? run.verdict.rawValue.replacingOccurrences(of: "_", with: " ")
            rows.append([formatted(run.learningRate), formatted(run.x), formatted(run.loss), "\(run.epochs)", ending])
        }
        print("Gradient descent on f(x) = x² from x = \(formatted(start)), \(epochs) epochs:\n")
        print(table(rows))
        print()
        print(demoChart(runs))
    }
}

/// `text` or `json`, for commands with no picture to draw.
enum TextOrJSON: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Parses "0.001,0.1,1.1" into numbers, naming the option and the bad item on failure.
func parseNumberList(_ text: String, option: String, positive: Bool = false) throws -> [Double] {
    let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    return try items.map { item in
        guard let value = Double(item), value.isFinite else {
            throw ValidationError("\(option): \"\(item)\" is not a number (give a comma-separated list such as 0.001,0.1,1.1)")
        }
        if positive && value <= 0 { throw ValidationError("\(option): \(item) must be positive") }
        return value
    }
}
