import GoldilocksSpec

/// optax's `warmup_cosine_decay_schedule` from a spec with defaults filled in.
private func warmupCosine(_ spec: Spec) throws(SpecError) -> JoinedSchedule {
    try JoinedSchedule.warmupCosineDecay(
        initial: try spec.double("init_value"), peak: try spec.double("peak_value"), warmupSteps: try spec.steps("warmup_steps"),
        decaySteps: try spec.steps("decay_steps"), end: try spec.double("end_value"), exponent: try spec.double("exponent"))
}

/// The parameters of `warmup_cosine_decay_schedule`, which `sgdr_schedule` reuses per cycle.
private let warmupCosineParameters: [ScheduleParameter] = [
    .required("init_value"), .required("peak_value"), .required("warmup_steps"), .required("decay_steps"),
    .number("end_value", 0), .number("exponent", 1),
]

/// `optax.schedules`, defaults as in optax 0.2.8.
let optaxEntries: [ScheduleEntry] = [
    ScheduleEntry(
        name: "constant_schedule", aliases: [], library: .optax, parameters: [.required("value")], summary: "value at every step"
    ) { spec, _ throws(SpecError) in .schedule(ConstantSchedule(try spec.double("value"))) },
    ScheduleEntry(
        name: "exponential_decay", aliases: [], library: .optax,
        parameters: [
            .required("init_value"), .required("transition_steps"), .required("decay_rate"), .number("transition_begin", 0),
            .flag("staircase", false), .none("end_value"),
        ],
        summary: "init_value · decay_rate^((t − transition_begin)/transition_steps), bounded by end_value"
    ) { spec, _ throws(SpecError) in
        guard try spec.double("decay_rate") >= 0 else {
            throw SpecError.outOfRange(owner: "exponential_decay", parameter: "decay_rate", requirement: "≥ 0 (a negative rate to a fractional power is NaN)", value: "\(try spec.double("decay_rate"))")
        }
        return .schedule(
            ExponentialDecay(
                initial: try spec.double("init_value"), transitionSteps: try spec.steps("transition_steps"),
                decayRate: try spec.double("decay_rate"), transitionBegin: try spec.steps("transition_begin"),
                staircase: try spec.bool("staircase"), end: try spec.optionalDouble("end_value")))
    },
    ScheduleEntry(
        name: "cosine_decay_schedule", aliases: [], library: .optax,
        parameters: [.required("init_value"), .required("decay_steps"), .number("alpha", 0), .number("exponent", 1)],
        summary: "half a cosine from init_value to init_value·alpha over decay_steps, then flat"
    ) { spec, _ throws(SpecError) in
        .schedule(
            try CosineDecay(
                initial: try spec.double("init_value"), decaySteps: try spec.steps("decay_steps"), alpha: try spec.double("alpha"),
                exponent: try spec.double("exponent")))
    },
    ScheduleEntry(
        name: "warmup_cosine_decay_schedule", aliases: ["warmup-cosine-decay"], library: .optax, parameters: warmupCosineParameters,
        summary: "linear warmup to peak_value, cosine to end_value at decay_steps (which counts the warmup)"
    ) { spec, _ throws(SpecError) in .schedule(try warmupCosine(spec)) },
    ScheduleEntry(
        name: "warmup_exponential_decay_schedule", aliases: [], library: .optax,
        parameters: [
            .required("init_value"), .required("peak_value"), .required("warmup_steps"), .required("transition_steps"),
            .required("decay_rate"), .number("transition_begin", 0), .flag("staircase", false), .none("end_value"),
        ],
        summary: "linear warmup to peak_value, then exponential_decay from it"
    ) { spec, _ throws(SpecError) in
        guard try spec.double("decay_rate") >= 0 else {
            throw SpecError.inconsistent(
                owner: "warmup_exponential_decay_schedule",
                reason: "decay_rate must be ≥ 0 (a negative rate to a fractional power is NaN)")
        }
        return .schedule(
            try JoinedSchedule.warmupExponentialDecay(
                initial: try spec.double("init_value"), peak: try spec.double("peak_value"), warmupSteps: try spec.steps("warmup_steps"),
                transitionSteps: try spec.steps("transition_steps"), decayRate: try spec.double("decay_rate"),
                transitionBegin: try spec.steps("transition_begin"), staircase: try spec.bool("staircase"),
                end: try spec.optionalDouble("end_value")))
    },
    ScheduleEntry(
        name: "polynomial_schedule", aliases: [], library: .optax,
        parameters: [.required("init_value"), .required("end_value"), .required("power"), .required("transition_steps"), .number("transition_begin", 0)],
        summary: "(init − end)(1 − c/transition_steps)^power + end, c counted from transition_begin"
    ) { spec, _ throws(SpecError) in
        guard try spec.double("power") >= 0 else {
            throw SpecError.outOfRange(owner: "polynomial_schedule", parameter: "power", requirement: "≥ 0 (a negative one is infinite at the end)", value: "\(try spec.double("power"))")
        }
        return .schedule(
            PolynomialSchedule(
                initial: try spec.double("init_value"), end: try spec.double("end_value"), power: try spec.double("power"),
                transitionSteps: try spec.steps("transition_steps"), transitionBegin: try spec.steps("transition_begin")))
    },
    ScheduleEntry(
        name: "linear_schedule", aliases: ["linear"], library: .optax,
        parameters: [.required("init_value"), .required("end_value"), .required("transition_steps"), .number("transition_begin", 0)],
        summary: "a straight line from init_value to end_value over transition_steps, then flat"
    ) { spec, _ throws(SpecError) in
        .schedule(
            PolynomialSchedule(
                initial: try spec.double("init_value"), end: try spec.double("end_value"), transitionSteps: try spec.steps("transition_steps"),
                transitionBegin: try spec.steps("transition_begin")))
    },
    ScheduleEntry(
        name: "piecewise_constant_schedule", aliases: ["piecewise-constant"], library: .optax,
        parameters: [.required("init_value"), .none("boundaries_and_scales")],
        summary: "init_value times each scale from its boundary on ({\"100\": 0.1, …})"
    ) { spec, _ throws(SpecError) in
        .schedule(try PiecewiseConstant(initial: try spec.double("init_value"), boundariesAndScales: try spec.boundariesAndScales("boundaries_and_scales")))
    },
    ScheduleEntry(
        name: "piecewise_interpolate_schedule", aliases: [], library: .optax,
        parameters: [.required("interpolate_type"), .required("init_value"), .none("boundaries_and_scales")],
        summary: "values at boundaries are running products of the scales, interpolated linearly or by cosine"
    ) { spec, _ throws(SpecError) in
        let kind = try spec.choice("interpolate_type", PiecewiseInterpolation.Kind.allCases.map(\.rawValue))
        return .schedule(
            try PiecewiseInterpolation(
                kind: PiecewiseInterpolation.Kind(rawValue: kind) ?? .linear, initial: try spec.double("init_value"),
                boundariesAndScales: try spec.boundariesAndScales("boundaries_and_scales")))
    },
    ScheduleEntry(
        name: "linear_onecycle_schedule", aliases: [], library: .optax,
        parameters: [
            .required("transition_steps"), .required("peak_value"), .number("pct_start", 0.3), .number("pct_final", 0.85),
            .number("div_factor", 25), .number("final_div_factor", 1e4),
        ],
        summary: "linear one-cycle: peak/div → peak → peak/div → peak/(div·final_div) at transition_steps"
    ) { spec, _ throws(SpecError) in
        .schedule(
            try PiecewiseInterpolation.linearOneCycle(
                transitionSteps: try spec.steps("transition_steps"), peak: try spec.double("peak_value"), pctStart: try spec.double("pct_start"),
                pctFinal: try spec.double("pct_final"), divFactor: try spec.double("div_factor"),
                finalDivFactor: try spec.double("final_div_factor")))
    },
    ScheduleEntry(
        name: "cosine_onecycle_schedule", aliases: [], library: .optax,
        parameters: [
            .required("transition_steps"), .required("peak_value"), .number("pct_start", 0.3), .number("div_factor", 25),
            .number("final_div_factor", 1e4),
        ],
        summary: "cosine one-cycle: peak/div → peak → peak/(div·final_div) at transition_steps"
    ) { spec, _ throws(SpecError) in
        .schedule(
            try PiecewiseInterpolation.cosineOneCycle(
                transitionSteps: try spec.steps("transition_steps"), peak: try spec.double("peak_value"), pctStart: try spec.double("pct_start"),
                divFactor: try spec.double("div_factor"), finalDivFactor: try spec.double("final_div_factor")))
    },
    ScheduleEntry(
        name: "join_schedules", aliases: ["join"], library: .optax, parameters: [.required("schedules"), .required("boundaries")],
        summary: "schedules one after another, each from its own step 0 at a boundary (any specs)"
    ) { spec, registry throws(SpecError) in
        var schedules: [any LearningRateSchedule] = []
        for nested in try spec.specs("schedules") { schedules.append(try registry.schedule(nested)) }
        return .schedule(try JoinedSchedule(schedules: schedules, boundaries: try spec.ints("boundaries")))
    },
    ScheduleEntry(
        name: "sgdr_schedule", aliases: ["sgdr"], library: .optax, parameters: [.required("cosine_kwargs")],
        summary: "warmup_cosine_decay_schedule cycles one after another, each lasting its decay_steps"
    ) { spec, _ throws(SpecError) in
        guard case .array(let items)? = spec.parameters["cosine_kwargs"] else {
            throw SpecError.inconsistent(
                owner: "sgdr_schedule", reason: "\"cosine_kwargs\" must be a list of warmup_cosine_decay_schedule parameter objects")
        }
        let entry = ScheduleEntry(
            name: "warmup_cosine_decay_schedule", aliases: [], library: .optax, parameters: warmupCosineParameters, summary: ""
        ) { cycle, _ throws(SpecError) in .schedule(try warmupCosine(cycle)) }
        var cycles: [any LearningRateSchedule] = []
        var lengths: [Int] = []
        for item in items {
            guard case .object(let fields) = item else {
                throw SpecError.inconsistent(
                    owner: "sgdr_schedule",
                    reason: "each of \"cosine_kwargs\" must be an object of warmup_cosine_decay_schedule parameters, not \(item)")
            }
            let cycle = Spec(name: "sgdr_schedule cycle", parameters: fields)
            try cycle.checkParameters(entry.parameterNames)
            let filled = entry.withDefaults(cycle)
            cycles.append(try warmupCosine(filled))
            lengths.append(try filled.steps("decay_steps"))
        }
        guard !cycles.isEmpty else { throw SpecError.inconsistent(owner: nil, reason: "sgdr_schedule needs at least one cycle in \"cosine_kwargs\"") }
        return .schedule(try JoinedSchedule.sgdr(cycles: cycles, lengths: lengths))
    },
]
