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

    /// Runs `optimizer` on `landscape` from `start` for `steps` updates.
    public init(
        landscape: any Landscape, start: [Double], optimizer: any Optimizer<Double>,
        schedule: (any LearningRateSchedule)? = nil, steps: Int
    ) throws(TrajectoryError) {
        guard steps >= 0 else { throw TrajectoryError("the number of steps must be 0 or more, not \(steps)") }
        guard start.count == landscape.dimension else {
            throw TrajectoryError("the start point has \(start.count) coordinates; this function takes \(landscape.dimension)")
        }
        guard start.allSatisfy(\.isFinite) else { throw TrajectoryError("the start point must be finite, not \(start)") }
        var optimizer = optimizer
        var position = start
        rows = []
        rows.reserveCapacity(steps + 1)
        divergedAt = nil
        let startLoss = landscape.value(at: position)
        guard startLoss.isFinite else {
            divergedAt = 0
            return
        }
        rows.append(Row(step: 0, loss: startLoss, position: position))
        for step in 0..<steps {
            if let schedule {
                let groups = optimizer.learningRates.count
                optimizer.learningRates = Array(repeating: schedule(step), count: groups)
                if let momentum = schedule.momentum(at: step) { optimizer.momenta = Array(repeating: momentum, count: groups) }
            }
            let gradient = landscape.gradient(at: position)
            position.withUnsafeMutableBufferPointer { p in
                gradient.withUnsafeBufferPointer { g in optimizer.step(parameters: p, gradients: g) }
            }
            let loss = landscape.value(at: position)
            guard loss.isFinite, position.allSatisfy(\.isFinite) else {
                divergedAt = step + 1
                return
            }
            rows.append(Row(step: step + 1, loss: loss, position: position))
        }
    }

    /// CSV with the header `step,loss,x0,x1,…` and one row per step; numbers round-trip.
    public func csv() -> String {
        let dimension = rows.first?.position.count ?? 0
        var lines = [(["step", "loss"] + (0..<dimension).map { "x\($0)" }).joined(separator: ",")]
        for row in rows {
            lines.append(([String(row.step), row.loss.description] + row.position.map(\.description)).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// JSON: `{"diverged_at": step or null, "rows": [{"step", "loss", "x": […]}, …]}`; numbers round-trip.
    public func json() -> String {
        let rowTexts = rows.map { row in
            "{\"step\":\(row.step),\"loss\":\(row.loss.description),\"x\":[\(row.position.map(\.description).joined(separator: ","))]}"
        }
        return "{\"diverged_at\":\(divergedAt.map(String.init) ?? "null"),\"rows\":[\(rowTexts.joined(separator: ","))]}\n"
    }
}
