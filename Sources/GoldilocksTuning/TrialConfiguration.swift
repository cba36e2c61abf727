import GoldilocksSpec
import GoldilocksTraining

extension StudyDefinition {
    /// The run trial parameters `parameters` stand for: the study's training configuration with
    /// the trial's learning rate, and its schedule, optimizer and weight decay when searched.
    ///
    /// The divergence guard is off: a study measures what each rate does, and a rescue would
    /// turn a diverging rate into a smaller one without saying so. `stepsPerEpoch` sizes the
    /// schedules (one-cycle and warmup + cosine span the whole run).
    public func configuration(for parameters: [String: ParameterValue], stepsPerEpoch: Int) -> RunConfiguration {
        var run = training
        run.guardEnabled = false
        if let lr = parameters["lr"]?.floatValue { run.learningRate = lr }
        if let name = parameters["optimizer"]?.choiceValue, name != run.optimizer.name {
            run.optimizer = Spec(name: name)
        }
        if let decay = parameters["weight_decay"]?.floatValue {
            run.optimizer = Spec(name: run.optimizer.name, parameters: run.optimizer.parameters.merging(["weight_decay": .number(decay)]) { $1 })
        }
        if let choice = parameters["schedule"]?.choiceValue, let schedule = SearchSpace.Schedule(rawValue: choice) {
            let lr = run.learningRate ?? 1e-3
            let steps = Double(max(1, run.epochs * stepsPerEpoch))
            run.scheduleUnit = .step
            switch schedule {
            case .constant:
                run.schedule = nil
            case .oneCycle:
                run.schedule = Spec(name: "OneCycleLR", parameters: ["max_lr": .number(lr), "total_steps": .number(steps)])
            case .warmupCosine:
                run.schedule = Spec(
                    name: "get_cosine_schedule_with_warmup",
                    parameters: [
                        "lr": .number(lr), "num_warmup_steps": .number((steps / 10).rounded(.down)),
                        "num_training_steps": .number(steps),
                    ])
            }
        }
        return run
    }

    /// The run that gave the best trial its value: its configuration, stopped after the epoch of
    /// its best validation loss (the whole run when that epoch is unknown). The schedule keeps
    /// the length of the whole run, so those epochs train exactly as the trial's did and the
    /// run ends at the trial's value (`goldilocks study --best-config`).
    public func configuration(for best: StudyReport.Best, stepsPerEpoch: Int) -> RunConfiguration {
        var run = configuration(for: best.params, stepsPerEpoch: stepsPerEpoch)
        if let epoch = best.epoch, epoch >= 1 { run.epochs = min(run.epochs, epoch) }
        return run
    }
}
