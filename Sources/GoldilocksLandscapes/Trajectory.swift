import GoldilocksOptimizers
import GoldilocksSchedules

/// The path of an optimizer on an analytic landscape, in Double: the start (step 0) and the point
/// and loss after each of `steps` updates.
///
/// A learning-rate schedule, when given, sets the optimizer's learning rate before update `k`
/// (0-based) to `schedule(k)`, and its momentum (SGD/RMSprop `momentum`, Adam's `beta1`) to
/// `schedule.momentum(at: k)` when the schedule cycles momentum, as PyTorch's schedulers do.
/// A run whose loss or point stops being finite ends there: `divergedAt` is that step, and the
/// rows stop at the last finite one.
public struct Trajectory: Sendable, Equatable, Codable {
    /// One point of the path.
    public struct Row: Sendable, Equatable, Codable {
        /// 0 for the start, then the number of updates applied.
        public var step: Int
        /// The loss at `position`.
        public var loss: Double
        /// The point, one value per coordinate.
        public var position: [Double]
    }

    /// The start and the point after each update, in order.
    public var rows: [Row]
    /// The step whose loss or point was no longer finite (NaN or ±∞), if the run diverged.
    public var divergedAt: Int?

    /// Runs `optimizer` on `landscape` from `start` for `steps` updates, keeping every row.
    public init(
        landscape: any Landscape, start: [Double], optimizer: any Optimizer<Double>,
        schedule: (any LearningRateSchedule)? = nil, steps: Int
    ) throws(TrajectoryError) {
        try Self.check(landscape: landscape, start: start, steps: steps)
        var rows: [Row] = []
        divergedAt = try Self.run(
            landscape: landscape, start: start, optimizer: optimizer, schedule: schedule, steps: steps,
            stepFailed: TrajectoryError.optimizer
        ) { (row: Row) throws(TrajectoryError) in rows.append(row) }
        self.rows = rows
    }

    /// Runs `optimizer` on `landscape` from `start` for `steps` updates and hands each row to
    /// `body` as it is computed, in constant memory for any `steps`; returns the step at which the
    /// run stopped being finite, if it did (see `divergedAt`). Throws a `TrajectoryError` for a
    /// bad start or step count, and whatever `body` throws (which ends the walk there).
    public static func walk<E: Error>(
        landscape: any Landscape, start: [Double], optimizer: any Optimizer<Double>,
        schedule: (any LearningRateSchedule)? = nil, steps: Int, _ body: (Row) throws(E) -> Void
    ) throws -> Int? {
        try check(landscape: landscape, start: start, steps: steps)
        return try run(
            landscape: landscape, start: start, optimizer: optimizer, schedule: schedule, steps: steps,
            stepFailed: { TrajectoryError.optimizer($0) as any Error }
        ) { (row: Row) throws(any Error) in try body(row) }
    }

    /// Throws unless `start` is a finite point of `landscape` and `steps` is 0 or more.
    private static func check(landscape: any Landscape, start: [Double], steps: Int) throws(TrajectoryError) {
        guard steps >= 0 else { throw .negativeSteps(steps) }
        guard start.count == landscape.dimension else {
            throw .startDimension(start.count, expected: landscape.dimension)
        }
        guard start.allSatisfy(\.isFinite) else { throw .nonFiniteStart(start) }
    }

    /// The walk of `walk`, on a checked start; typed so that a body that cannot throw makes a
    /// walk that cannot.
    private static func run<E: Error>(
        landscape: any Landscape, start: [Double], optimizer: any Optimizer<Double>,
        schedule: (any LearningRateSchedule)?, steps: Int, stepFailed: (OptimizerError) -> E,
        _ body: (Row) throws(E) -> Void
    ) throws(E) -> Int? {
        var optimizer = optimizer
        var position = start
        let startLoss = landscape.value(at: position)
        guard startLoss.isFinite else { return 0 }
        try body(Row(step: 0, loss: startLoss, position: position))
        var previousRate: Double?
        for step in 0..<steps {
            if let schedule {
                let groups = optimizer.learningRates.count
                let rate = schedule.value(at: step, previous: previousRate)
                previousRate = rate
                optimizer.learningRates = Array(repeating: rate, count: groups)
                if let momentum = schedule.momentum(at: step) { optimizer.momenta = Array(repeating: momentum, count: groups) }
            }
            let gradient = landscape.gradient(at: position)
            do throws(OptimizerError) {
                try optimizer.step(parameters: &position, gradients: gradient)
            } catch {
                throw stepFailed(error)
            }
            let loss = landscape.value(at: position)
            guard loss.isFinite, position.allSatisfy(\.isFinite) else { return step + 1 }
            try body(Row(step: step + 1, loss: loss, position: position))
        }
        return nil
    }

    /// The CSV header for a path in `dimension` coordinates: `step,loss,x0,x1,…`.
    public static func csvHeader(dimension: Int) -> String {
        (["step", "loss"] + (0..<dimension).map { "x\($0)" }).joined(separator: ",")
    }

    /// One CSV row; numbers round-trip.
    public static func csvLine(_ row: Row) -> String {
        ([String(row.step), row.loss.description] + row.position.map(\.description)).joined(separator: ",")
    }

    /// One row as a JSON object `{"step", "loss", "x": […]}`; numbers round-trip.
    public static func jsonObject(_ row: Row) -> String {
        "{\"step\":\(row.step),\"loss\":\(row.loss.description),\"x\":[\(row.position.map(\.description).joined(separator: ","))]}"
    }

    /// CSV with the header `step,loss,x0,x1,…` and one row per step; numbers round-trip.
    public func csv() -> String {
        ([Self.csvHeader(dimension: rows.first?.position.count ?? 0)] + rows.map(Self.csvLine)).joined(separator: "\n") + "\n"
    }

    /// JSON: `{"rows": [{"step", "loss", "x": […]}, …], "diverged_at": step or null}`; numbers
    /// round-trip. The rows come first so that a streamed path can be written as it is computed.
    public func json() -> String {
        "{\"rows\":[\(rows.map(Self.jsonObject).joined(separator: ","))],\"diverged_at\":\(divergedAt.map(String.init) ?? "null")}\n"
    }
}
