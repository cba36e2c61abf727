import GoldilocksDiagnosis
import GoldilocksLandscapes
import GoldilocksOptimizers
import GoldilocksSchedules

/// The optimizer, and the schedule if any, of a run at a given peak learning rate.
public typealias LandscapeRunMaker = (_ learningRate: Double) throws -> (optimizer: any Optimizer<Double>, schedule: (any LearningRateSchedule)?)

/// Diagnoses a run on an analytic landscape by rerunning it at the learning rates the verdict's
/// definition tries (`diagnose(losses:rerunning:)`): a run of a few hundred steps on a function of
/// a few coordinates reruns in microseconds and without noise, so the verdict says what the
/// reruns did instead of reading the curve as a network's.
///
/// - Parameters:
///   - run: the run, from `start` for `steps` updates at `learningRate`.
///   - make: the optimizer and schedule of the run at any learning rate (a schedule's peak).
/// - Throws: what `diagnose` and `make` throw, and `TrajectoryError`.
public func diagnoseLandscapeRun(
    _ run: Trajectory, landscape: any Landscape, start: [Double], steps: Int, learningRate: Double,
    make: LandscapeRunMaker
) throws -> Diagnosis {
    try diagnose(losses: losses(of: run)) { change in
        let (optimizer, schedule) = try make(change.fromStep == 0 ? learningRate * change.factor : learningRate)
        let changed: (any LearningRateSchedule)? = change.fromStep == 0
            ? schedule
            : ChangedRate(base: schedule, learningRate: learningRate, step: change.fromStep, factor: change.factor)
        let rerun = try Trajectory(landscape: landscape, start: start, optimizer: optimizer, schedule: changed, steps: steps)
        return rerun.divergedAt == nil ? rerun.rows.last?.loss ?? .nan : .nan
    }
}

/// The run's losses, ending with a NaN when it stopped being finite (which settles the diagnosis).
private func losses(of run: Trajectory) -> [Double] {
    run.rows.map(\.loss) + (run.divergedAt == nil ? [] : [.nan])
}
