import ArgumentParser
import GoldilocksSearch
import GoldilocksPlots
import Foundation
import GoldilocksFinder
import GoldilocksTraining

/// `goldilocks find`: the learning-rate range test on a network and data set.
struct FindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Find a learning rate: the range test (LR finder) on your network and data, weights restored afterwards.",
        discussion: """
            Trains mini-batches while the learning rate grows from --start-lr to --end-lr in --num-it \
            steps (fastai's lr_find), smooths the loss (debiased EMA, β = 0.98), stops once it \
            exceeds --divergence-factor × its best or turns NaN, and suggests learning rates with \
            fastai's rules (valley, steep, minimum, slide) and torch-lr-finder's (steepest). The \
            weights and optimizer state are put back in memory, whatever happens. With --repeats N \
            the test runs N times with other batches and the rules read the median curve; the text \
            output shows how far the repeats' own suggestions spread.

            Examples:
              goldilocks find --data digits
              goldilocks find --data wine --repeats 5 --format json
              goldilocks find --data my.csv --optimizer sgd --start-lr 1e-5 --end-lr 1 --mode linear --format csv
            """)

    @OptionGroup var options: TrainingOptions

    @Option(parsing: .unconditional, help: "The first learning rate of the sweep.")
    var startLr: Double = 1e-7

    @Option(parsing: .unconditional, help: "The learning rate the sweep heads for (fastai never quite reaches it).")
    var endLr: Double = 10

    @Option(name: .customLong("num-it"), parsing: .unconditional, help: "Steps of the sweep.")
    var numIterations: Int = 100

    @Option(help: "exp: equal ratios per step; linear: equal increments (Leslie Smith).")
    var mode: LearningRateSweep.Mode = .exponential

    @Option(parsing: .unconditional, help: "Run the test this many times with other batches; suggestions come from the median curve.")
    var repeats: Int = 1

    @Option(parsing: .unconditional, help: "Stop once the smoothed loss exceeds this many times its best (fastai 4, torch-lr-finder 5).")
    var divergenceFactor: Double = 4

    @Option(parsing: .unconditional, help: "Batches whose gradients are averaged before each step (gradient accumulation).")
    var accumulationSteps: Int = 1

    @Flag(help: "Record the validation loss after each step instead of the batch's training loss.")
    var validationLoss = false

    @Option(help: "text, json ({\"suggestions\",\"curve\",\"stopped_early\"}), csv (lr,loss,raw_loss) or svg.")
    var format: Format = .text

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv, svg
    }

    /// Limits before anything is allocated: the curve keeps one point per step and repeat.
    func validate() throws {
        for (option, rate) in [("--start-lr", startLr), ("--end-lr", endLr)] where !(rate > 0 && rate.isFinite) {
            throw ValidationError("\(option): a learning rate must be a positive number, not \(formatted(rate))")
        }
        guard (1...1_000_000).contains(numIterations) else {
            throw ValidationError("--num-it: between 1 and 1,000,000 steps, not \(numIterations)")
        }
        guard (1...1_000).contains(repeats) else { throw ValidationError("--repeats: between 1 and 1,000, not \(repeats)") }
        guard (1...1_000_000).contains(accumulationSteps) else {
            throw ValidationError("--accumulation-steps: between 1 and 1,000,000, not \(accumulationSteps)")
        }
        let (batches, overflow) = numIterations.multipliedReportingOverflow(by: accumulationSteps)
        if overflow || batches > RunLimits.maximumSteps {
            throw ValidationError(
                "--num-it × --accumulation-steps: at most \(RunLimits.maximumSteps) batches per repeat, not \(overflow ? "more than Int.max" : String(batches))")
        }
    }

    func run() throws {
        print(try output())
    }

    /// The range test this command runs.
    func result() throws -> RepeatedRangeTestResult {
        let configuration = try options.configuration()
        let sweep = try LearningRateSweep(start: startLr, end: endLr, iterations: numIterations, mode: mode)
        let test = try RangeTest(sweep: sweep, divergenceFactor: divergenceFactor)
        let finder = try LearningRateFinder(
            test: test, batchSize: configuration.batchSize, accumulationSteps: accumulationSteps,
            measuresValidationLoss: validationLoss, repeats: repeats, seed: configuration.seed)
        return try finder.run(on: TrainingSetup(configuration))
    }

    /// What `run` prints.
    func output() throws -> String {
        let result = try result()
        switch format {
        case .json: return try json(result)
        case .csv: return csv(result)
        case .text: return text(result)
        case .svg: return figure(result).svg()
        }
    }

    /// The median curve's rows; the raw loss is the first repeat's (the median of one repeat is itself).
    private func csv(_ result: RepeatedRangeTestResult) -> String {
        let raw = result.repeats[0].rawLosses
        let rows = result.lrs.indices.map { i in "\(result.lrs[i]),\(number(result.median[i])),\(number(raw[i]))" }
        return (["lr,loss,raw_loss"] + rows).joined(separator: "\n")
    }

    private func number(_ value: Double) -> String { value.isNaN ? "nan" : value.description }

    /// `{"suggestions":{"valley":lr,…},"curve":[[lr,loss],…],"stopped_early":bool,…}`; non-finite
    /// losses are `null` (JSON has no NaN).
    private func json(_ result: RepeatedRangeTestResult) throws -> String {
        struct Output: Encodable {
            let suggestions: [String: Double]
            let curve: [[Double?]]
            let stoppedEarly: Bool
            let stop: String
            let notes: [String]
            let spread: [String: Double]
            enum CodingKeys: String, CodingKey {
                case suggestions, curve, stoppedEarly = "stopped_early", stop, notes, spread
            }
        }
        let output = Output(
            suggestions: Dictionary(uniqueKeysWithValues: result.suggestions.map { ($0.method.rawValue, $0.lr) }),
            curve: result.lrs.indices.map { [result.lrs[$0], result.median[$0].isFinite ? result.median[$0] : nil] },
            stoppedEarly: result.repeats.contains { $0.stoppedEarly },
            stop: result.repeats[0].stop.description,
            notes: result.failures.map(\.description),
            spread: Dictionary(uniqueKeysWithValues: result.spreads.compactMap { s in s.ratio.map { (s.method.rawValue, $0) } }))
        return try jsonString(output)
    }

    private func text(_ result: RepeatedRangeTestResult) -> String {
        let count = result.repeats.count
        var lines = [
            "Range test on \(options.data ?? ""): \(result.lrs.count) steps from \(Suggestion.abbreviated(startLr)), "
                + "\(count == 1 ? result.repeats[0].stop.description : "\(count) repeats, median curve")"
        ]
        for suggestion in result.suggestions {
            var line = suggestion.description
            if count > 1, let ratio = result.spread(suggestion.method)?.ratio {
                line += ", repeats spread ×\(String(format: "%.2g", ratio))"
            }
            lines.append(line)
        }
        lines += result.failures.map { "\($0.method.rawValue): no suggestion, \($0.description)" }
        if let valley = result.suggestion(.valley) {
            lines.append(
                "Start with \(Suggestion.abbreviated(valley.lr)) (valley, fastai's default), or train with "
                    + "`goldilocks train --lr auto`. The weights were restored.")
        }
        lines.append(figure(result).terminal())
        return lines.joined(separator: "\n")
    }

    /// The (median) loss against the learning rate on a log axis, with each suggestion marked.
    private func figure(_ result: RepeatedRangeTestResult) -> Chart {
        Figures.rangeTest(
            learningRates: result.lrs, losses: result.median,
            suggestions: result.suggestions.map { ($0.method.rawValue, $0.lr) },
            title: "Range test on \(options.data ?? "")" + (result.repeats.count > 1 ? ", median of \(result.repeats.count) repeats" : ""))
    }
}

extension LearningRateSweep.Mode: ExpressibleByArgument {}
