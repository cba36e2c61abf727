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

/// The learning rate (and cycled momentum) of steps `0..<steps` of the schedule `spec` names,
/// computed as they are read: constant memory and one evaluation per step, for any step count.
///
/// `ReduceLROnPlateau` needs `metrics`: metric `k` is fed after step `k`, so it needs at least
/// `steps − 1` of them. Creating the rows throws when the spec is invalid, when `steps` is
/// negative, or when the schedule is not defined that far (OneCycleLR past `total_steps`).
public struct ScheduleRows: Sequence, Sendable {
    private let controller: ScheduleController
    private let metrics: [Double]
    /// The number of rows.
    public let steps: Int

    /// The rows of `spec` for `steps` steps; `learningRate` fills in a spec without `lr`.
    public init(_ spec: Spec, steps: Int, metrics: [Double]? = nil, learningRate: Double? = nil) throws(SpecError) {
        guard steps >= 0 else { throw SpecError.outOfRange(owner: nil, parameter: "the number of steps", requirement: "≥ 0", value: "\(steps)") }
        controller = try ScheduleRegistry.standard.controller(spec, learningRate: learningRate)
        switch controller {
        case .schedule(let schedule):
            if metrics != nil { throw .unexpectedMetrics(schedule: spec.name) }
            if let last = schedule.lastStep, steps - 1 > last {
                throw .pastLastStep(schedule: spec.name, last: last, steps: steps)
            }
        case .plateau:
            guard let metrics else { throw .missingMetrics(schedule: spec.name) }
            guard metrics.count >= steps - 1 else {
                throw .tooFewMetrics(schedule: spec.name, steps: steps, metrics: metrics.count)
            }
        }
        self.metrics = metrics ?? []
        self.steps = steps
    }

    public func makeIterator() -> Iterator {
        Iterator(controller: controller, metrics: metrics, steps: steps)
    }

    /// Computes each row from the one before.
    public struct Iterator: IteratorProtocol {
        fileprivate var controller: ScheduleController
        fileprivate let metrics: [Double]
        fileprivate let steps: Int
        private var step = 0
        private var previous: Double?

        fileprivate init(controller: ScheduleController, metrics: [Double], steps: Int) {
            self.controller = controller
            self.metrics = metrics
            self.steps = steps
        }

        public mutating func next() -> ScheduleRow? {
            guard step < steps else { return nil }
            defer { step += 1 }
            switch controller {
            case .schedule(let schedule):
                let lr = schedule.value(at: step, previous: previous)
                previous = lr
                return ScheduleRow(step: step, lr: lr, momentum: schedule.momentum(at: step))
            case .plateau(var plateau):
                let row = ScheduleRow(step: step, lr: plateau.learningRate)
                if step < metrics.count { plateau.step(metric: metrics[step]) }
                controller = .plateau(plateau)
                return row
            }
        }
    }
}

/// The rows of `ScheduleRows` in an array.
public func scheduleRows(_ spec: Spec, steps: Int, metrics: [Double]? = nil, learningRate: Double? = nil) throws(SpecError) -> [ScheduleRow] {
    Array(try ScheduleRows(spec, steps: steps, metrics: metrics, learningRate: learningRate))
}

/// Reads metrics written one number per line (blank lines skipped; `nan` allowed).
public func parseMetrics(_ text: String, source: String = "metrics") throws(SpecError) -> [Double] {
    var metrics: [Double] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let field = line.trimmingCharacters(in: .whitespaces)
        if field.isEmpty { continue }
        guard !field.utf8.contains(0), let value = Double(field) else { throw .badMetric(source: source, line: index + 1, value: String(field)) }
        metrics.append(value)
    }
    return metrics
}
