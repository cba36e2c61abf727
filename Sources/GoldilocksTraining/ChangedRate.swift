import GoldilocksSchedules

/// A schedule (or the optimizer's constant rate when there is none) times `factor` from `step`
/// on: a run's rate changed as the verdict's definition tries it (the whole run ×3, or ÷10 from
/// the middle on: a decay). Momentum follows the schedule's.
struct ChangedRate: LearningRateSchedule {
    var base: (any LearningRateSchedule)?
    var learningRate: Double
    var step: Int
    var factor: Double

    func callAsFunction(_ step: Int) -> Double {
        (base?(step) ?? learningRate) * (step >= self.step ? factor : 1)
    }

    func momentum(at step: Int) -> Double? { base?.momentum(at: step) }

    var lastStep: Int? { base?.lastStep }
}
