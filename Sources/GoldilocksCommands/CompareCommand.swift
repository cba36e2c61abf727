import ArgumentParser
import Foundation
import GoldilocksLandscapes
import GoldilocksDiagnosis
import GoldilocksLogs
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
            shows itself. Each run's verdict and fix are the diagnosis of its log; "find" marks a \
            run that did not train (place its rate with goldilocks find). With --function, the \
            optimizer runs on an analytic function instead, and each verdict is what rerunning the \
            run at ×3, ×10, ÷10, ÷100 and ÷10 from the middle on did to its final loss (--format \
            json lists the reruns).

            Examples:
              goldilocks compare --data digits --lrs 0.00001,0.001,0.5 --epochs 10
              goldilocks compare --function rosenbrock --lrs 0.0001,0.001,0.01 --optimizer sgd --steps 500
              goldilocks compare --data moons --lrs 0.001,0.01,0.1 --format svg > moons.svg
            """)

    @OptionGroup var options: TrainingOptions

    @Option(help: "Logged runs instead of training: comma-separated CSV/JSON-lines logs or TensorBoard event files or folders (PyTorch, Keras, Goldilocks).")
    var logs: String?

    @Option(help: "The loss column or tag in --logs.")
    var column: String = "loss"

    @Option(help: "An analytic function instead of data: quadratic, rosenbrock, beale, himmelblau, booth.")
    var function: LandscapeFunction?

    @Option(parsing: .unconditional, help: "The function's start point (default: -1.2,1 for rosenbrock, 5,5 otherwise).")
    var start: String?

    @Option(parsing: .unconditional, help: "Optimizer steps on the function.")
    var steps: Int = 100

    @Option(parsing: .unconditional, help: "The learning rates to compare, comma-separated.")
    var lrs: String?

    @Option(help: "text (table and chart), json or svg.")
    var format: ChartFormat = .text

    func validate() throws {
        guard [options.data != nil, function != nil, logs != nil].filter({ $0 }).count == 1 else {
            throw ValidationError(
                "give one of --data (train a network), --function (an analytic function) or --logs (runs already logged)")
        }
        if logs == nil {
            guard let lrs else { throw ValidationError("--lrs is required with --data or --function") }
            _ = try parseNumberList(lrs, option: "--lrs", positive: true)
        }
        guard steps >= 1 else { throw ValidationError("--steps must be at least 1") }
        // Each run keeps its whole trajectory: bounded before anything is allocated.
        guard steps <= 1_000_000 else { throw ValidationError("--steps: at most 1,000,000, not \(steps)") }
        if let lrs, try parseNumberList(lrs, option: "--lrs").count > 100 {
            throw ValidationError("--lrs: at most 100 learning rates at once")
        }
    }

    func run() async throws {
        let runs: [ComparedRun]
        if let logs {
            runs = try logs.split(separator: ",").map { path in
                try LearningRateComparison.logged(LossLog.read(String(path), column: column), name: String(path))
            }
            return try show(runs)
        }
        let rates = try parseNumberList(lrs ?? "", option: "--lrs", positive: true)
        if let function {
            let point = try start.map { try parseNumberList($0, option: "--start") } ?? (function == .rosenbrock ? [-1.2, 1] : [5, 5])
            runs = try LearningRateComparison.function(
                function, start: point, optimizer: try readOptimizerSpec(options.optimizer), learningRates: rates, steps: steps)
        } else {
            runs = try await LearningRateComparison.train(try options.configuration(), learningRates: rates)
        }
        try show(runs)
    }

    /// Prints the runs in the chosen format.
    private func show(_ runs: [ComparedRun]) throws {
        switch format {
        case .json: try printJSON(runs)
        case .svg: print(comparisonFigure(runs, title: title).svg())
        case .text:
            var rows = [[runs.contains { $0.name != nil } ? "run" : "lr", "final loss"] + (runs.contains { $0.validationLoss != nil } ? ["val loss"] : []) + ["verdict", "fix", "ended"]]
            for run in runs {
                var row = [run.name ?? formatted(run.learningRate), formatted(run.finalLoss)]
                if rows[0].contains("val loss") { row.append(run.validationLoss.map(formatted) ?? "-") }
                row.append(run.diagnosis.map { $0.verdict.rawValue.replacingOccurrences(of: "_", with: " ") } ?? "-")
                row.append(run.diagnosis.map(Self.shortFix) ?? "-")
                row.append(run.stoppedEarly ?? "finished")
                rows.append(row)
            }
            print(title + "\n")
            print(table(rows))
            print()
            print(comparisonFigure(runs, title: title).terminal())
        }
    }

    /// The diagnosis's fix in a table cell: "lr ÷100", "lr ×3", "keep", "decay now", or "find"
    /// for a run that did not train (a range test places its rate).
    static func shortFix(_ diagnosis: Diagnosis) -> String {
        if diagnosis.decayNow { return "decay now" }
        if diagnosis.didNotTrain { return "find" }
        let factor = diagnosis.learningRateFactor
        if factor == 1 { return "keep" }
        return factor > 1 ? "lr ×\(formatted(factor))" : "lr ÷\(formatted(1 / factor))"
    }

    private var title: String {
        if let logs { return "Logged runs: \(logs)" }
        if let function { return "\(options.optimizer) on \(function.rawValue), \(steps) steps" }
        return "\(options.optimizer) on \(options.data ?? ""), \(options.epochs) epochs"
    }
}

/// text, json or svg: for commands with a picture.
enum ChartFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, svg
}

extension LandscapeFunction: ExpressibleByArgument {}
