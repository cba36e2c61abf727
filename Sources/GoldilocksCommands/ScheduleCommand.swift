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

    @Option(parsing: .unconditional, help: "How many steps to print: steps 0 to N-1 (the first optimizer step is step 0).")
    var steps: Int

    @Option(help: "For ReduceLROnPlateau: a file with one metric per line, fed to it after each step.")
    var metrics: String?

    @Option(help: "csv (header step,lr), json (with the momentum of cycling schedules), text (a chart and a table) or svg.")
    var format: Format = .csv

    /// The most steps a chart (`text`, `svg`) computes; `csv` and `json` stream any count.
    static let chartStepLimit = 10_000_000

    func validate() throws {
        guard steps >= 0 else { throw ValidationError("--steps must be ≥ 0, not \(steps)") }
        if format == .text || format == .svg, steps > Self.chartStepLimit {
            throw ValidationError(
                "--steps \(steps) is too many for a chart (at most \(Self.chartStepLimit)); use --format csv or json, which stream any count")
        }
    }

    func run() throws {
        var output = StandardOutput()
        try write(to: &output)
        output.flush()
    }

    /// The whole output, ending with a newline (for tests; `run` streams it).
    func render() throws -> String {
        var text = ""
        try write(to: &text)
        return text
    }

    /// Writes the output row by row: constant memory for csv and json, whatever `--steps` is.
    func write(to output: inout some TextOutputStream) throws {
        var values: [Double]?
        if let metrics {
            let text: String
            do {
                text = try String(contentsOfFile: metrics, encoding: .utf8)
            } catch {
                throw ValidationError("--metrics \(metrics): cannot read it (\(error.localizedDescription))")
            }
            values = try parseMetrics(text, source: metrics)
        }
        let rows = try ScheduleRows(readSpec(spec), steps: steps, metrics: values)
        switch format {
        case .csv:
            output.write("step,lr\n")
            for row in rows { output.write("\(row.step),\(row.lr)\n") }
        case .json:
            output.write("[")
            for row in rows {
                let momentum = row.momentum.map { ",\"momentum\":\(jsonNumber($0))" } ?? ""
                output.write("\(row.step == 0 ? "" : ",\n"){\"step\":\(row.step),\"lr\":\(jsonNumber(row.lr))\(momentum)}")
            }
            output.write("]\n")
        case .text:
            let (chart, cycles) = scheduleFigure(rows)
            output.write(chart.terminal() + "\n")
            output.write(cycles ? "step  lr                       momentum\n" : "step  lr\n")
            for row in rows {
                let step = String(row.step).padding(toLength: 6, withPad: " ", startingAt: 0)
                let lr = cycles ? String(row.lr.description).padding(toLength: 25, withPad: " ", startingAt: 0) : row.lr.description
                output.write(step + lr + (row.momentum.map(\.description) ?? "") + "\n")
            }
        case .svg:
            output.write(scheduleFigure(rows).chart.svg())
        }
    }
}

/// The schedule's learning rate against the step (a bounded sample of it for long runs); a log
/// axis when it spans over two decades. Also says whether the schedule cycles momentum.
private func scheduleFigure(_ rows: ScheduleRows) -> (chart: Chart, cycles: Bool) {
    var sample = ChartSample(count: rows.steps)
    var cycles = false
    for row in rows {
        sample.add(x: Double(row.step), y: row.lr)
        cycles = cycles || row.momentum != nil
    }
    // The sample keeps each bucket's lowest and highest rate, so the figure's own log-axis rule
    // sees the whole run's range.
    let (x, y) = sample.finish()
    return (Figures.learningRateSchedule([("lr", x.map { Int($0) }, y)]), cycles)
}

/// A JSON number that round-trips (`null` for the non-finite values JSON cannot hold).
private func jsonNumber(_ value: Double) -> String {
    value.isFinite ? value.description : "null"
}
