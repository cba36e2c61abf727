import Foundation
import GoldilocksData
import GoldilocksDiagnosis
import GoldilocksLandscapes
import GoldilocksOptimizers
import GoldilocksSchedules
import GoldilocksSpec
import GoldilocksTraining

/// A checked playground request, ready to run: every figure is within the limits and every spec
/// builds, so `run(into:)` only computes.
///
/// The numbers are the library's: the demo's gradient descent on x² (with its own verdicts), the
/// optimizers' exact update rules on a landscape (`Trajectory`), and `TrainingSetup` on data; the
/// verdicts are the demo's or the diagnosis'.
public struct Playground: Sendable {
    /// The request as it was given.
    public let request: PlaygroundRequest
    let problem: PlaygroundProblem
    /// Steps on a function, epochs on data.
    let steps: Int
    let start: [Double]
    let optimizer: Spec
    /// The data, loaded and standardised once for every run.
    let data: PreparedData?

    /// Checks `request` against `limits` and builds what it names (the data set is loaded here).
    public init(_ request: PlaygroundRequest, limits: DashboardLimits) throws(PlaygroundError) {
        self.request = request
        problem = try PlaygroundProblem(request.problem)
        guard !request.learningRates.isEmpty else { throw .noLearningRates }
        guard request.learningRates.count <= limits.runs else { throw .tooManyRuns(request.learningRates.count, limit: limits.runs) }
        if let bad = request.learningRates.first(where: { !($0 > 0 && $0.isFinite) }) { throw .badLearningRate(bad) }
        steps = request.steps ?? problem.defaultSteps
        let isData = if case .data = problem { true } else { false }
        let unit = isData ? "epochs" : "steps"
        guard steps >= 1 else { throw .tooFewSteps(steps, unit: unit) }
        let stepLimit = isData ? limits.epochs : limits.analyticSteps
        guard steps <= stepLimit else { throw .tooManySteps(steps, limit: stepLimit, unit: unit) }
        optimizer = request.optimizer ?? Spec(name: isData ? "Adam" : "SGD")

        switch problem {
        case .parabola, .landscape:
            start = request.start ?? problem.defaultStart
            guard start.count <= limits.dimensions else { throw .tooManyCoordinates(start.count, limit: limits.dimensions) }
            data = nil
            let landscape = try Self.landscape(of: problem, start: start)
            // Builds each run's optimizer and schedule once now, so a bad spec is a 400 before any work.
            for rate in request.learningRates {
                _ = try makeRun(rate, parameters: landscape.dimension)
            }
        case .data(let name):
            start = []
            let layers = request.hiddenLayers ?? [32]
            let widest = layers.max() ?? 0
            guard layers.count <= limits.hiddenLayers, widest <= limits.hiddenWidth else {
                throw .networkTooLarge(layers: layers.count, widest: widest, maxLayers: limits.hiddenLayers, maxWidth: limits.hiddenWidth)
            }
            let configuration = Self.configuration(name, request: request, optimizer: optimizer, epochs: steps, layers: layers)
            do {
                let prepared = try PreparedData(configuration)
                for rate in request.learningRates {
                    var one = configuration
                    one.learningRate = rate
                    _ = try TrainingSetup(one, data: prepared)
                }
                data = prepared
            } catch {
                throw .underlying(error)
            }
        }
    }

    /// The 2-D function the runs walk on, for the contour chart; nil for x² and data.
    public var landscapeFunction: LandscapeFunction? {
        if case .landscape(let function) = problem, start.count == 2 { return function }
        return nil
    }

    /// Runs every learning rate, putting each step into `progress` as it is computed; returns when
    /// all runs are over or `progress` was cancelled. Blocks: call it off the server's threads.
    ///
    /// On a function the runs take microseconds, so they are computed first and then handed over
    /// in frames spread over `playback`, side by side, as the page plays them; on data the runs
    /// train in parallel threads and stream their steps as they happen.
    public func run(into progress: PlaygroundProgress, playback: Duration = .zero) {
        switch problem {
        case .parabola, .landscape:
            runFunctions(into: progress, playback: playback)
        case .data:
            runData(into: progress)
        }
    }

    // MARK: Functions

    private struct Outcome {
        var points: [(step: Int, loss: Double, position: [Double]?)]
        var verdict: String
        var label: String
        var fix: String
    }

    private static func landscape(of problem: PlaygroundProblem, start: [Double]) throws(PlaygroundError) -> any Landscape {
        switch problem {
        case .parabola:
            guard start.count == 1 else { throw .badStart(count: start.count, expected: 1) }
            return Quadratic(dimension: 1)
        case .landscape(let function):
            let expected = function == .quadratic ? start.count : 2
            guard start.count == expected, !start.isEmpty else { throw .badStart(count: start.count, expected: max(expected, 1)) }
            guard start.allSatisfy(\.isFinite) else { throw .badStart(count: start.count, expected: expected) }
            do {
                return try function.landscape(dimension: start.count)
            } catch {
                throw .underlying(error)
            }
        case .data:
            throw .unknownProblem("data", valid: [])
        }
    }

    /// The optimizer at `rate` and the schedule for a run on a function of `parameters` coordinates.
    private func makeRun(_ rate: Double, parameters: Int) throws(PlaygroundError) -> (any Optimizer<Double>, (any LearningRateSchedule)?) {
        do {
            let spec = Spec(name: optimizer.name, parameters: optimizer.parameters.merging(["lr": .number(rate)]) { _, new in new })
            let made: any Optimizer<Double> = try makeOptimizer(spec, parameterCount: parameters)
            let schedule = try request.schedule.map { spec throws(SpecError) in try makeSchedule(spec, learningRate: rate) }
            return (made, schedule)
        } catch {
            throw .underlying(error)
        }
    }

    /// Plain gradient descent on x² is the demo itself, whose verdicts the page shows.
    private var isDemo: Bool {
        guard problem == .parabola, request.schedule == nil, ["SGD", "sgd"].contains(optimizer.name) else { return false }
        return optimizer.parameters.allSatisfy { key, value in key == "lr" || (key == "momentum" && value == .number(0)) }
    }

    private func outcome(_ rate: Double) -> Outcome {
        if isDemo {
            let run = GradientDescentDemo(start: start[0], epochs: steps).run(learningRate: rate)
            let label = run.explodedAt.map { "exploded at epoch \($0)" } ?? run.verdict.rawValue.replacingOccurrences(of: "_", with: " ")
            let fix = switch run.verdict {
            case .tooSmall: "raise the learning rate (try ×10)"
            case .justRight: "keep the learning rate"
            case .tooLarge: "lower the learning rate (try ÷10)"
            }
            let points = run.losses.enumerated().map { (step: $0.offset, loss: $0.element, position: [Double]?.none) }
            return Outcome(points: points, verdict: run.verdict.rawValue, label: label, fix: fix)
        }
        do {
            let landscape = try Self.landscape(of: problem, start: start)
            let (made, schedule) = try makeRun(rate, parameters: landscape.dimension)
            let trajectory = try Trajectory(landscape: landscape, start: start, optimizer: made, schedule: schedule, steps: steps)
            let keepsPath = landscape.dimension == 2
            let points = trajectory.rows.map { (step: $0.step, loss: $0.loss, position: keepsPath ? $0.position : nil) }
            let dimension = landscape.dimension
            guard let diagnosis = try? diagnoseLandscapeRun(
                trajectory, landscape: landscape, start: start, steps: steps, learningRate: rate,
                make: { rate in try makeRun(rate, parameters: dimension) })
            else {
                return Outcome(points: points, verdict: "unknown", label: "too short to diagnose", fix: "run more steps")
            }
            let label = trajectory.divergedAt.map { "diverged at step \($0)" } ?? diagnosis.verdict.rawValue.replacingOccurrences(of: "_", with: " ")
            return Outcome(points: points, verdict: diagnosis.verdict.rawValue, label: label, fix: diagnosis.fix)
        } catch {
            return Outcome(points: [], verdict: "error", label: String(describing: error), fix: "")
        }
    }

    private func runFunctions(into progress: PlaygroundProgress, playback: Duration) {
        let outcomes = request.learningRates.map(outcome)
        let longest = outcomes.map(\.points.count).max() ?? 0
        let frames = max(1, min(60, longest))
        var sent = Array(repeating: 0, count: outcomes.count)
        for frame in 1...frames {
            if progress.isCancelled { break }
            for (run, outcome) in outcomes.enumerated() {
                // Every run reaches the same step at the same frame: side by side.
                let upTo = min(outcome.points.count, (longest * frame + frames - 1) / frames)
                if upTo > sent[run] {
                    progress.append(run: run, steps: outcome.points[sent[run]..<upTo])
                    sent[run] = upTo
                }
            }
            if playback > .zero && frame < frames { Thread.sleep(forTimeInterval: Self.seconds(playback) / Double(frames)) }
        }
        for (run, outcome) in outcomes.enumerated() {
            progress.finish(run: run, verdict: outcome.verdict, label: outcome.label, fix: outcome.fix)
        }
        progress.finishAll()
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    // MARK: Data

    static func configuration(_ name: String, request: PlaygroundRequest, optimizer: Spec, epochs: Int, layers: [Int]) -> RunConfiguration {
        var configuration = RunConfiguration(data: name)
        configuration.hiddenLayers = layers
        configuration.optimizer = optimizer
        configuration.schedule = request.schedule
        configuration.epochs = epochs
        return configuration
    }

    private func runData(into progress: PlaygroundProgress) {
        guard case .data(let name) = problem, let data else { return progress.finishAll(failure: "no data") }
        let configuration = Self.configuration(
            name, request: request, optimizer: optimizer, epochs: steps, layers: request.hiddenLayers ?? [32])
        let group = DispatchGroup()
        for (run, rate) in request.learningRates.enumerated() {
            group.enter()
            // One thread per run, so the runs advance side by side; the request's limits bound them.
            let thread = Thread {
                defer { group.leave() }
                WorkerPriority.lower()
                var one = configuration
                one.learningRate = rate
                let callback = StreamingCallback(progress: progress, run: run)
                do {
                    let setup = try TrainingSetup(one, data: data)
                    let (summary, _) = try setup.train(callbacks: [callback])
                    callback.flush()
                    if let reason = summary.stoppedEarly, progress.isCancelled {
                        progress.finish(run: run, verdict: "stopped", label: reason, fix: "")
                    } else if let diagnosis = summary.diagnosis {
                        progress.finish(
                            run: run, verdict: diagnosis.verdict.rawValue,
                            label: diagnosis.verdict.rawValue.replacingOccurrences(of: "_", with: " "), fix: diagnosis.fix)
                    } else {
                        progress.finish(run: run, verdict: "unknown", label: summary.stoppedEarly ?? "no diagnosis", fix: "")
                    }
                } catch {
                    callback.flush()
                    progress.finish(run: run, verdict: "error", label: String(describing: error), fix: "")
                }
            }
            thread.stackSize = 4 << 20
            thread.start()
        }
        group.wait()
        progress.finishAll()
    }
}

/// Hands a training run's steps to the progress in small batches (one lock per batch, not per
/// step) and stops the run when the page goes away.
private final class StreamingCallback: TrainingCallback {
    private let progress: PlaygroundProgress
    private let run: Int
    private var pending: [(step: Int, loss: Double, position: [Double]?)] = []

    init(progress: PlaygroundProgress, run: Int) {
        self.progress = progress
        self.run = run
    }

    func stepEnded(_ record: StepRecord) -> TrainingDecision {
        pending.append((record.step, record.loss, nil))
        if pending.count >= 8 {
            flush()
            if progress.isCancelled { return .stop(reason: "stopped: the page went away") }
        }
        return .continue
    }

    func restored(atStep step: Int, learningRateFactor: Double, reason: String) {
        flush()
        progress.rescued(run: run, atStep: step)
    }

    func flush() {
        guard !pending.isEmpty else { return }
        progress.append(run: run, steps: pending)
        pending.removeAll(keepingCapacity: true)
    }
}
