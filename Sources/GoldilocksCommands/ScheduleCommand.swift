import ArgumentParser
import Foundation
import GoldilocksPlots
import GoldilocksSchedules
import GoldilocksSpec

/// `goldilocks schedule`: the learning rate a schedule gives at each step, as PyTorch,
/// transformers or optax would give it.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Print the learning rate a schedule gives at steps 0…N-1 (PyTorch, transformers and optax numbers).",
        discussion: """
            Name a schedule as in the library you port from, with its parameter names; PyTorch and \
            transformers specs carry `lr`, the optimizer's learning rate. Examples:
              goldilocks schedule --spec '{"name":"OneCycleLR","max_lr":0.1,"total_steps":100}' --steps 101
              goldilocks schedule --spec '{"name":"get_cosine_schedule_with_warmup","lr":6e-4,"num_warmup_steps":10,"num_training_steps":100}' --steps 100
              goldilocks schedule --spec '{"name":"ReduceLROnPlateau","lr":0.1,"patience":2}' --steps 30 --metrics val_loss.txt

            Schedules, with their parameters and defaults (no default: required):
            \(ScheduleRegistry.standard.help)
            """
    )

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json, svg, text
    }

    @Option(help: "The schedule: a JSON object (or the path of a .json file) such as '{\"name\":\"StepLR\",\"lr\":0.1,\"step_size\":30}'.")
    var spec: String

    @Option(help: "How many steps to print: steps 0 to N-1 (the first optimizer step is step 0).")
    var steps: Int

    @Option(help: "For ReduceLROnPlateau: a file with one metric per line, fed to it after each step.")
    var metrics: String?

    @Option(help: "csv (header step,lr), json (with the momentum of cycling schedules), text (a chart and a table) or svg.")
    var format: Format = .csv

    func validate() throws {
        guard steps >= 0 else { throw ValidationError("--steps must be ≥ 0, not \(steps)") }
    }

    func run() throws {
        print(try render(), terminator: "")
    }

    /// The whole output, ending with a newline.
    func render() throws -> String {
        var values: [Double]?
        if let metrics {
            values = try parseMetrics(String(contentsOfFile: metrics, encoding: .utf8), source: metrics)
        }
        let rows = try scheduleRows(readSpec(spec), steps: steps, metrics: values)
        switch format {
        case .csv:
            return (["step,lr"] + rows.map { "\($0.step),\($0.lr)" }).joined(separator: "\n") + "\n"
        case .json:
            let items = rows.map { row in
                let momentum = row.momentum.map { ",\"momentum\":\(jsonNumber($0))" } ?? ""
                return "{\"step\":\(row.step),\"lr\":\(jsonNumber(row.lr))\(momentum)}"
            }
            return "[" + items.joined(separator: ",\n") + "]\n"
        case .text:
            let cycles = rows.contains { $0.momentum != nil }
            var lines = [scheduleFigure(rows).terminal(), "", cycles ? "step  lr                       momentum" : "step  lr"]
            for row in rows {
                let step = String(row.step).padding(toLength: 6, withPad: " ", startingAt: 0)
                let lr = cycles ? String(row.lr.description).padding(toLength: 25, withPad: " ", startingAt: 0) : row.lr.description
                lines.append(step + lr + (row.momentum.map(\.description) ?? ""))
            }
            return lines.joined(separator: "\n") + "\n"
        case .svg:
            return scheduleFigure(rows).svg()
        }
    }
}

/// The schedule's learning rate against the step; a log axis when it spans over two decades.
private func scheduleFigure(_ rows: [ScheduleRow]) -> Chart {
    let positive = rows.map(\.lr).filter { $0 > 0 }
    let spansDecades = (positive.max() ?? 1) / (positive.min() ?? 1) > 100 && positive.count == rows.count
    return Figures.learningRateSchedule([("lr", rows.map(\.step), rows.map(\.lr))], logY: spansDecades)
}

/// A JSON number that round-trips (`null` for the non-finite values JSON cannot hold).
private func jsonNumber(_ value: Double) -> String {
    value.isFinite ? value.description : "null"
}
