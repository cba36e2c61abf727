extension LearningRateSchedule {
    /// This schedule after a linear warmup: from `start` to this schedule's step-0 value over
    /// `steps` steps, then this schedule from its own step 0 (optax's `join_schedules` of a
    /// `linear_schedule` and this one).
    public func warmup(steps: Int, from start: Double = 0) -> JoinedSchedule {
        JoinedSchedule(
            validated: [PolynomialSchedule(initial: start, end: self(0), transitionSteps: steps), self], boundaries: [max(steps, 0)])
    }

    /// This schedule until `step`, then `next` from its own step 0.
    public func followed(by next: any LearningRateSchedule, at step: Int) -> JoinedSchedule {
        JoinedSchedule(validated: [self, next], boundaries: [step])
    }
}
