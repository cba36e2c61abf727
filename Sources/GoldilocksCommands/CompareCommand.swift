import ArgumentParser
import Foundation
import GoldilocksPlots
import GoldilocksSpec
import GoldilocksTraining

struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Train the same model at several learning rates, side by side: the snail, the maniac and the one that is just right.",
        discussion: """
            With --data, every run starts from the same initial weights and sees the same batches; \
            the runs go in parallel on the available cores, with the guard off so a diverging rate \
            shows itself. With --function, the optimizer runs on an analytic function instead.

            Examples:
              goldilocks compare --data digits --lrs 0.00001,0.001,0.5 --epochs 10
              goldilocks compare --function rosenbrock --lrs 0.0001,0.001,0.01 --optimizer sgd --steps 500
              goldilocks compare --data moons --lrs 0.001,0.01,0.1 --format svg > moons.svg
            """)

    @OptionGroup var options: TrainingOptions

    @Option(help: "An analytic function instead of data: quadratic, rosenbrock, beale, himmelblau, booth.")
    var function: LandscapeFunction?

    @Option(help: "The function's start point (default: -1.2,1 for rosenbrock, 5,5 otherwise).")
    var start: String?

    @Option(help: "Optimizer steps on the function.")
    var steps: Int = 100

    @Option(help: "The learning rates to compare, comma-separated.")
    var lrs: String

    @Option(help: "text (table and chart), json or svg.")
    var format: ChartFormat = .text

    func validate() throws {
        guard (options.data == nil) != (function == nil) else {
            throw ValidationError("give either --data (train a network) or --function (an analytic function), not both or neither")
        }
        _ = try parseNumberList(lrs, option: "--lrs", positive: true)
        guard steps >= 1 else { throw ValidationError("--steps must be at least 1") }
    }

    func run() async throws {
        let rates = try parseNumberList(lrs, option: "--lrs", positive: true)
        let runs: [ComparedRun]
        if let function {
            let point = try start.map { try parseNumberList($0, option: "--start") } ?? (function == .rosenbrock ? [-1.2, 1] : [5, 5])
            runs = try LearningRateComparison.function(
                function, start: point, optimizer: try readOptimizerSpec(options.optimizer), learningRates: rates, steps: steps)
        } else {
            runs = try await LearningRateComparison.train(try options.configuration(), learningRates: rates)
        }
        switch format {
        case .json: try printJSON(runs)
        case .svg: print(comparisonFigure(runs, title: title).svg())
        case .text:
            var rows = [["lr", "final loss"] + (runs.contains { $0.validationLoss != nil } ? ["val loss"] : []) + ["ended"]]
            for run in runs {
                var row = [formatted(run.learningRate), formatted(run.finalLoss)]
                if rows[0].contains("val loss") { row.append(run.validationLoss.map(formatted) ?? "-") }
                row.append(run.stoppedEarly ?? "finished")
                rows.append(row)
            }
            print(title + "\n")
            print(table(rows))
            print()
            print(comparisonFigure(runs, title: title).terminal())
        }
    }

    private var title: String {
        if let function { return "\(options.optimizer) on \(function.rawValue), \(steps) steps" }
        return "\(options.optimizer) on \(options.data ?? ""), \(options.epochs) epochs"
    }
}

/// text, json or svg: for commands with a picture.
enum ChartFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, svg
}

extension LandscapeFunction: ExpressibleByArgument {}
