import Foundation
import GoldilocksSpec

/// One step of a schedule as `goldilocks schedule` prints it.
public struct ScheduleRow: Codable, Sendable, Equatable {
    /// The optimizer step, from 0.
    public var step: Int
    /// The learning rate used by that step.
    public var lr: Double
    /// The cycled momentum (or beta1), for OneCycleLR and CyclicLR; `nil` otherwise.
    public var momentum: Double?

    /// A row.
    public init(step: Int, lr: Double, momentum: Double? = nil) {
        self.step = step
        self.lr = lr
        self.momentum = momentum
    }
}

/// The learning rate (and cycled momentum) of steps `0..<steps` of the schedule `spec` names.
///
/// `ReduceLROnPlateau` needs `metrics`: metric `k` is fed after step `k`, so it needs at least
/// `steps − 1` of them. Throws when the spec is invalid, when `steps` is negative, or when the
/// schedule is not defined that far (OneCycleLR past `total_steps`).
public func scheduleRows(_ spec: Spec, steps: Int, metrics: [Double]? = nil, learningRate: Double? = nil) throws(SpecError) -> [ScheduleRow] {
    guard steps >= 0 else { throw SpecError("the number of steps must be ≥ 0, not \(steps)") }
    switch try ScheduleRegistry.standard.controller(spec, learningRate: learningRate) {
    case .schedule(let schedule):
        if metrics != nil { throw SpecError("metrics drive only ReduceLROnPlateau (\"plateau\"); \(spec.name) is a function of the step") }
        if let last = schedule.lastStep, steps - 1 > last {
            throw SpecError("\(spec.name) is defined up to step \(last) (PyTorch raises after it); ask for at most \(last + 1) steps, not \(steps)")
        }
        return schedule.values(count: steps).enumerated().map { step, lr in
            ScheduleRow(step: step, lr: lr, momentum: schedule.momentum(at: step))
        }
    case .plateau(var plateau):
        guard let metrics else { throw SpecError("\(spec.name) is driven by a metric: give one per step (`--metrics FILE`)") }
        guard metrics.count >= steps - 1 else {
            throw SpecError("\(steps) steps of \(spec.name) need \(steps - 1) metrics (one after each step but the last); got \(metrics.count)")
        }
        var rows: [ScheduleRow] = []
        for step in 0..<steps {
            rows.append(ScheduleRow(step: step, lr: plateau.learningRate))
            if step < metrics.count { plateau.step(metric: metrics[step]) }
        }
        return rows
    }
}

/// Reads metrics written one number per line (blank lines skipped; `nan` allowed).
public func parseMetrics(_ text: String, source: String = "metrics") throws(SpecError) -> [Double] {
    var metrics: [Double] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let field = line.trimmingCharacters(in: .whitespaces)
        if field.isEmpty { continue }
        guard let value = Double(field) else { throw SpecError("\(source), line \(index + 1): \"\(field)\" is not a number") }
        metrics.append(value)
    }
    return metrics
}
