import Foundation
import GoldilocksOptimizers
import GoldilocksSchedules
import GoldilocksSpec

/// libFuzzer entry: a spec as `--schedule`/`--optimizer` take it: `Spec(json:)`, then the schedule
/// it names (evaluated at the first steps, at its last step and at steps up to `Int.max`), the
/// `goldilocks schedule` table, `ReduceLROnPlateau` fed odd metrics, and the optimizer it names,
/// stepped on odd gradients in Double and Float.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSpec(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? Data() : Data(bytes: data!, count: size)
    guard let spec = try? Spec(json: String(decoding: bytes, as: UTF8.self)) else { return 0 }
    for learningRate in [nil, 0.1] as [Double?] {
        switch try? ScheduleRegistry.standard.controller(spec, learningRate: learningRate) {
        case .schedule(let schedule): evaluate(schedule)
        case .plateau(var plateau):
            for metric in [1.0, 0.5, .nan, .infinity, -.infinity, 1e308, -0.0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5] {
                _ = plateau.step(metric: metric)
            }
            _ = try? scheduleRows(spec, steps: 20, metrics: Array(repeating: 1, count: 19), learningRate: learningRate)
        case nil: break
        }
        _ = try? scheduleRows(spec, steps: 50, learningRate: learningRate)
    }
    optimize(spec, as: Double.self)
    optimize(spec, as: Float.self)
    return 0
}

/// Steps a user can reach: the first ones, around powers of two, and up to `Int.max`
/// (`--steps` and a schedule's own step counts are user input).
let steps: [Int] = [0, 1, 2, 3, 5, 10, 99, 100, 101, 1000, 65_535, 1 << 31, 1 << 32, 1 << 53, 1 << 62, Int.max - 1, Int.max]

func evaluate(_ schedule: any LearningRateSchedule) {
    // Past `lastStep` a schedule extrapolates (PyTorch raises there); the CLI refuses to go there.
    let last = schedule.lastStep ?? Int.max
    // ChainedScheduler is a recursion: step `t` costs O(t) time and memory, by design (documented
    // on ChainedSchedule.callAsFunction), so it is only evaluated at steps a run can reach.
    let recursive = String(describing: schedule).contains("ChainedSchedule")
    let reachable = recursive ? steps.filter { $0 <= 1_000_000 } : steps + [last - 1, last]
    for step in reachable where step >= 0 && step <= last {
        _ = schedule(step)
        _ = schedule.momentum(at: step)
    }
    _ = schedule.values(count: min(64, last == Int.max ? 64 : last + 1))
}

func optimize<Scalar: BinaryFloatingPoint & Sendable>(_ spec: Spec, as scalar: Scalar.Type) {
    let gradients: [Scalar] = [1, -1, 0, .nan, .infinity, 1e30, -1e-30, 3]
    var parameters: [Scalar] = [1, 2, 3, 4, -5, 0, 1e20, -0.0]
    let groups = [
        [],
        [ParameterGroupSpec(range: 0..<4), ParameterGroupSpec(range: 4..<8, overrides: ["lr": .number(1e30)])],
    ]
    for groups in groups {
        guard var optimizer = try? makeOptimizer(spec, parameterCount: parameters.count, groups: groups, as: Scalar.self) else { continue }
        for _ in 0..<3 {
            try? optimizer.step(parameters: &parameters, gradients: gradients)
        }
        optimizer.learningRates = optimizer.learningRates.map { $0 * 10 }
        optimizer.momenta = optimizer.momenta.map { $0.map { _ in 0.99 } }
    }
}
