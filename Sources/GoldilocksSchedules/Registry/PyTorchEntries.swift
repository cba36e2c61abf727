import GoldilocksSpec

/// Momentum cycling as PyTorch's `cycle_momentum`, `base_momentum` and `max_momentum` give it.
private func momentumCycle(_ spec: Spec) throws(SpecError) -> MomentumCycle? {
    guard try spec.bool("cycle_momentum") else { return nil }
    return MomentumCycle(base: try spec.double("base_momentum"), maximum: try spec.double("max_momentum"))
}

/// `torch.optim.lr_scheduler`, defaults as in torch 2.15.
let pytorchEntries: [ScheduleEntry] = [
    ScheduleEntry(
        name: "StepLR", aliases: ["step"], library: .pytorch,
        parameters: [.required("lr"), .required("step_size"), .number("gamma", 0.1)],
        summary: "lr · gamma every step_size steps"
    ) { spec, _ throws(SpecError) in
        .schedule(try StepDecay(learningRate: try spec.double("lr"), stepSize: try spec.steps("step_size"), gamma: try spec.double("gamma")))
    },
    ScheduleEntry(
        name: "MultiStepLR", aliases: ["multi-step"], library: .pytorch,
        parameters: [.required("lr"), .required("milestones"), .number("gamma", 0.1)],
        summary: "lr · gamma at each milestone"
    ) { spec, _ throws(SpecError) in
        .schedule(MultiStepDecay(learningRate: try spec.double("lr"), milestones: try spec.ints("milestones"), gamma: try spec.double("gamma")))
    },
    ScheduleEntry(
        name: "ExponentialLR", aliases: ["exponential"], library: .pytorch,
        parameters: [.required("lr"), .required("gamma")],
        summary: "lr · gamma^t"
    ) { spec, _ throws(SpecError) in
        .schedule(GeometricDecay(learningRate: try spec.double("lr"), gamma: try spec.double("gamma")))
    },
    ScheduleEntry(
        name: "CosineAnnealingLR", aliases: ["cosine"], library: .pytorch,
        parameters: [.required("lr"), .required("T_max"), .number("eta_min", 0)],
        summary: "half a cosine from lr to eta_min over T_max steps; climbs back after T_max (no clamp)"
    ) { spec, _ throws(SpecError) in
        .schedule(try CosineAnnealing(learningRate: try spec.double("lr"), maximumSteps: try spec.steps("T_max"), minimum: try spec.double("eta_min")))
    },
    ScheduleEntry(
        name: "CosineAnnealingWarmRestarts", aliases: ["warm-restarts"], library: .pytorch,
        parameters: [.required("lr"), .required("T_0"), .number("T_mult", 1), .number("eta_min", 0)],
        summary: "cosine annealing restarting every T_0 steps, each cycle T_mult times longer (SGDR)"
    ) { spec, _ throws(SpecError) in
        .schedule(
            try WarmRestarts(
                learningRate: try spec.double("lr"), firstPeriod: try spec.steps("T_0"), periodMultiplier: try spec.steps("T_mult"),
                minimum: try spec.double("eta_min")))
    },
    ScheduleEntry(
        name: "CyclicLR", aliases: ["cyclic"], library: .pytorch,
        parameters: [
            .required("base_lr"), .required("max_lr"), .number("step_size_up", 2000), .none("step_size_down"),
            .text("mode", "triangular"), .number("gamma", 1), .flag("cycle_momentum", true), .number("base_momentum", 0.8),
            .number("max_momentum", 0.9),
        ],
        summary: "triangles between base_lr and max_lr (triangular, triangular2, exp_range), momentum the other way"
    ) { spec, _ throws(SpecError) in
        let mode = try spec.choice("mode", Cyclical.Mode.allCases.map(\.rawValue))
        return .schedule(
            try Cyclical(
                base: try spec.double("base_lr"), maximum: try spec.double("max_lr"), stepsUp: try spec.steps("step_size_up"),
                stepsDown: try spec.optionalSteps("step_size_down"), mode: Cyclical.Mode(rawValue: mode) ?? .triangular,
                gamma: try spec.double("gamma"), momentumCycle: try momentumCycle(spec)))
    },
    ScheduleEntry(
        name: "OneCycleLR", aliases: ["one-cycle"], library: .pytorch,
        parameters: [
            .required("max_lr"), .none("total_steps"), .none("epochs"), .none("steps_per_epoch"), .number("pct_start", 0.3),
            .text("anneal_strategy", "cos"), .flag("cycle_momentum", true), .number("base_momentum", 0.85),
            .number("max_momentum", 0.95), .number("div_factor", 25), .number("final_div_factor", 1e4),
            .flag("three_phase", false),
        ],
        summary: "warm up to max_lr, anneal to max_lr/(div·final_div); total_steps or epochs·steps_per_epoch"
    ) { spec, _ throws(SpecError) in
        let total: Int
        if let steps = try spec.optionalSteps("total_steps") {
            total = steps
        } else if let epochs = try spec.optionalSteps("epochs"), let perEpoch = try spec.optionalSteps("steps_per_epoch") {
            guard epochs > 0, perEpoch > 0 else { throw SpecError.inconsistent(owner: "OneCycleLR", reason: "epochs and steps_per_epoch must be positive") }
            let (product, overflow) = epochs.multipliedReportingOverflow(by: perEpoch)
            guard !overflow, product <= Spec.largestStep else { throw SpecError.inconsistent(owner: "OneCycleLR", reason: "epochs · steps_per_epoch is too large") }
            total = product
        } else {
            throw SpecError.inconsistent(owner: nil, reason: "OneCycleLR needs \"total_steps\", or \"epochs\" and \"steps_per_epoch\"")
        }
        let strategy = try spec.choice("anneal_strategy", OneCycle.Annealing.allCases.map(\.rawValue))
        return .schedule(
            try OneCycle(
                maximum: try spec.double("max_lr"), totalSteps: total, warmupFraction: try spec.double("pct_start"),
                annealing: OneCycle.Annealing(rawValue: strategy) ?? .cos, momentumCycle: try momentumCycle(spec),
                divFactor: try spec.double("div_factor"), finalDivFactor: try spec.double("final_div_factor"),
                threePhase: try spec.bool("three_phase")))
    },
    ScheduleEntry(
        name: "LinearLR", aliases: ["linear-factor"], library: .pytorch,
        parameters: [.required("lr"), .number("start_factor", 1.0 / 3), .number("end_factor", 1), .number("total_iters", 5)],
        summary: "lr · a factor moving linearly from start_factor to end_factor over total_iters steps (warmup)"
    ) { spec, _ throws(SpecError) in
        .schedule(
            try LinearFactor(
                learningRate: try spec.double("lr"), startFactor: try spec.double("start_factor"),
                endFactor: try spec.double("end_factor"), totalIterations: try spec.steps("total_iters")))
    },
    ScheduleEntry(
        name: "ConstantLR", aliases: ["constant-factor"], library: .pytorch,
        parameters: [.required("lr"), .number("factor", 1.0 / 3), .number("total_iters", 5)],
        summary: "lr · factor for the first total_iters steps, then lr"
    ) { spec, _ throws(SpecError) in
        .schedule(
            try ConstantFactor(learningRate: try spec.double("lr"), factor: try spec.double("factor"), totalIterations: try spec.steps("total_iters")))
    },
    ScheduleEntry(
        name: "PolynomialLR", aliases: ["polynomial"], library: .pytorch,
        parameters: [.required("lr"), .number("total_iters", 5), .number("power", 1)],
        summary: "lr · (1 − t/total_iters)^power, 0 from total_iters on"
    ) { spec, _ throws(SpecError) in
        .schedule(
            try PolynomialDecay(learningRate: try spec.double("lr"), totalIterations: try spec.steps("total_iters"), power: try spec.double("power")))
    },
    ScheduleEntry(
        name: "SequentialLR", aliases: ["sequential"], library: .pytorch,
        parameters: [.required("lr"), .required("schedulers"), .required("milestones")],
        summary: "schedulers one after another, each from its own step 0 at a milestone (nested specs inherit lr)"
    ) { spec, registry throws(SpecError) in
        .schedule(try SequentialSchedule(schedules: try registry.pytorchSchedulers(spec, "schedulers"), milestones: try spec.ints("milestones")))
    },
    ScheduleEntry(
        name: "ChainedScheduler", aliases: ["chained"], library: .pytorch,
        parameters: [.required("lr"), .required("schedulers")],
        summary: "every scheduler steps every step, their factors multiplying (nested specs inherit lr)"
    ) { spec, registry throws(SpecError) in
        .schedule(try ChainedSchedule(learningRate: try spec.double("lr"), schedules: try registry.pytorchSchedulers(spec, "schedulers")))
    },
    ScheduleEntry(
        name: "ReduceLROnPlateau", aliases: ["plateau"], library: .pytorch,
        parameters: [
            .required("lr"), .text("mode", "min"), .number("factor", 0.1), .number("patience", 10), .number("threshold", 1e-4),
            .text("threshold_mode", "rel"), .number("cooldown", 0), .number("min_lr", 0), .number("eps", 1e-8),
        ],
        summary: "lr · factor when the metric has not improved for more than patience steps (needs metrics)"
    ) { spec, _ throws(SpecError) in
        let mode = try spec.choice("mode", ReduceOnPlateau.Mode.allCases.map(\.rawValue))
        let thresholdMode = try spec.choice("threshold_mode", ReduceOnPlateau.ThresholdMode.allCases.map(\.rawValue))
        return .plateau(
            try ReduceOnPlateau(
                learningRate: try spec.double("lr"), mode: ReduceOnPlateau.Mode(rawValue: mode) ?? .min,
                factor: try spec.double("factor"), patience: try spec.steps("patience"), threshold: try spec.double("threshold"),
                thresholdMode: ReduceOnPlateau.ThresholdMode(rawValue: thresholdMode) ?? .rel, cooldown: try spec.steps("cooldown"),
                minimumLearningRate: try spec.double("min_lr"), eps: try spec.double("eps")))
    },
]
