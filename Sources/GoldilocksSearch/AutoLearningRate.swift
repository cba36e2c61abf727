import Foundation
import GoldilocksTraining
import GoldilocksData
import GoldilocksFinder
import GoldilocksSpec

/// The policy behind `goldilocks train --lr auto`: run the range test on the run's own network and
/// data, take one rule's suggestion times a factor, and, unless the user chose a schedule, train
/// with one-cycle peaking at that rate, raised or lowered by rehearsals on held-out *training*
/// rows.
///
/// ```
/// peak = factor · suggestion(method)      on the median curve of `repeats` seeded range tests
/// peak ← HoldOutRehearsal.choosePeak(peak)   ×2 while a higher peak ends lower on held-out rows;
///                                            × best epoch / epochs when the run overfits
/// schedule = OneCycleLR(max_lr: peak, total_steps: epochs · ⌈n / batchSize⌉)   (PyTorch defaults)
/// ```
/// The defaults were chosen by measurement (`scripts/auto-vs-grid`, docs/auto-vs-grid.md) against
/// the best point of a 16-rate constant-rate Adam grid: on 22 data sets the single auto run's
/// validation loss is 0.95 of the grid's best (geometric mean; 1.00 on the 6 sets never used to
/// choose), for 19–45 % of the grid's compute (iris, 80 steps a run, 71 %). One-cycle spends most
/// steps below its peak, so its peak sits above the best constant rate: valley × 3 suited most
/// sets, short or noise-free runs needed more (the raise), and small noisy sets less (the
/// lowering). The rehearsals never read the run's validation set.
public struct AutoLearningRate: Sendable, Codable, Equatable {
    /// What to train with after the range test.
    public enum Schedule: String, Sendable, Codable, CaseIterable {
        /// The found rate, constant.
        case constant
        /// PyTorch's `OneCycleLR` with the found rate as `max_lr` (warm-up 30 %, cosine, momentum cycled).
        case oneCycle = "one-cycle"
    }

    /// The rule whose suggestion is taken.
    public var method: SuggestionMethod
    /// A factor applied to the suggestion (3 by default: the one-cycle peak above the valley).
    public var factor: Double
    /// The schedule to train with when the configuration has none.
    public var schedule: Schedule
    /// Range tests to aggregate (each with other batches), for a stable answer.
    public var repeats: Int
    /// The range test's sweep; fastai's `lr_find` default 1e-7 … 10 in 100 steps.
    public var sweep: LearningRateSweep
    /// The rehearsals on held-out training rows that raise or lower the one-cycle peak (nil: none).
    public var holdOut: HoldOutRehearsal?

    /// The measured default policy: valley (fastai's default rule) × 3 as one-cycle's starting peak, 3 repeats,
    /// raised or lowered by rehearsals with 15 % of the training rows held out.
    public init(
        method: SuggestionMethod = .valley, factor: Double = 3, schedule: Schedule = .oneCycle, repeats: Int = 3,
        sweep: LearningRateSweep? = nil, holdOut: HoldOutRehearsal? = .standard
    ) throws(FinderError) {
        guard factor > 0, factor.isFinite else { throw .factorOutOfRange(factor) }
        guard repeats >= 1 else { throw .tooFewRepeats(repeats) }
        self.method = method
        self.factor = factor
        self.schedule = schedule
        self.repeats = repeats
        self.holdOut = holdOut
        if let sweep {
            self.sweep = sweep
        } else {
            do throws(RangeTestError) {
                self.sweep = try LearningRateSweep()
            } catch {
                throw .rangeTest(error)
            }
        }
    }

    /// What the policy chose, and from which range test.
    public struct Choice: Sendable {
        /// The configuration to train: `learningRate` set, and a one-cycle schedule when chosen.
        public var configuration: RunConfiguration
        /// The learning rate chosen (the one-cycle peak, after the rehearsals raised or lowered it).
        public var learningRate: Double
        /// The factor applied to the suggestion before the rehearsals.
        public var factor: Double
        /// The suggestion it came from, on the median curve.
        public var suggestion: Suggestion
        /// The range tests.
        public var rangeTest: RepeatedRangeTestResult
        /// Optimizer steps the range tests took, to weigh their cost against the training's.
        public var rangeTestSteps: Int
        /// What the hold-out rehearsals did to the peak, when there were any.
        public var rehearsals: HoldOutRehearsal.PeakChoice?

        /// Optimizer steps spent choosing: the range tests and the rehearsals.
        public var choosingSteps: Int { rangeTestSteps + (rehearsals?.steps ?? 0) }

        /// One line for people: `lr auto: 1.2e-3 (3 × valley of 3 range test(s), spread ×2.1; lowered ×0.25:
        /// held-out loss rose before the end) with OneCycleLR`.
        public var description: String {
            let spread = rangeTest.spread(suggestion.method)?.ratio.map { ", spread ×\(String(format: "%.2g", $0))" } ?? ""
            let schedule = configuration.schedule.map { " with \($0.name)" } ?? ""
            let scaled = factor == 1 ? "" : "\(String(format: "%g", factor)) × "
            return "lr auto: \(Suggestion.abbreviated(learningRate)) (\(scaled)\(suggestion.method.rawValue) of "
                + "\(rangeTest.repeats.count) range test(s)\(spread)\(rehearsals.map { "; " + Self.describe($0) } ?? ""))\(schedule)"
        }

        private static func describe(_ choice: HoldOutRehearsal.PeakChoice) -> String {
            var parts: [String] = []
            if choice.raisedBy > 1 {
                parts.append("raised ×\(String(format: "%g", choice.raisedBy)): lower held-out loss")
            }
            if choice.loweredBy < 1 {
                parts.append("lowered ×\(String(format: "%.2g", choice.loweredBy)): held-out loss rose before the end")
            }
            let kept = "kept: \(choice.rehearsals) held-out rehearsal(s) found no better peak"
            return parts.isEmpty ? kept : parts.joined(separator: ", then ")
        }
    }

    /// Runs the range tests on the setup `configuration` describes and returns the configuration
    /// to train. Throws a `FinderError` saying why when the rule cannot suggest (too few points
    /// before the loss diverged, for instance).
    public func choose(for configuration: RunConfiguration, data: PreparedData? = nil) throws -> Choice {
        let setup = try TrainingSetup(configuration, data: data)
        let test = try RangeTest(sweep: sweep, methods: [method])
        let finder = try LearningRateFinder(test: test, batchSize: configuration.batchSize, repeats: repeats, seed: configuration.seed)
        let result = try finder.run(on: setup)
        guard let suggestion = result.suggestion(method) else {
            throw FinderError.noSuggestion(
                failure: result.failures.first { $0.method == method }, stop: result.repeats.first?.stop)
        }
        var chosen = configuration
        var lr = suggestion.lr * factor
        chosen.learningRate = lr
        var rehearsals: HoldOutRehearsal.PeakChoice?
        if schedule == .oneCycle && configuration.schedule == nil {
            let oneCycle = { (peak: Double, steps: Int) in
                Spec(name: "OneCycleLR", parameters: ["max_lr": .number(peak), "total_steps": .number(Double(steps))])
            }
            chosen.scheduleUnit = .step
            if let holdOut {
                // All epochs are kept whatever the peak, so the one-cycle still anneals to its end.
                let choice = try holdOut.choosePeak(from: lr, chosen, data: setup.data, schedule: oneCycle)
                lr = choice.peak
                chosen.learningRate = lr
                rehearsals = choice
            }
            chosen.schedule = oneCycle(lr, configuration.epochs * setup.stepsPerEpoch)
        }
        return Choice(
            configuration: chosen, learningRate: lr, factor: factor, suggestion: suggestion, rangeTest: result,
            rangeTestSteps: result.repeats.map(\.lrs.count).reduce(0, +), rehearsals: rehearsals)
    }
}
