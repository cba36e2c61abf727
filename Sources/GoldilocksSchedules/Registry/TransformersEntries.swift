import GoldilocksSpec

/// A transformers schedule entry: `lr`, the warmup, and (for the decays) the training length.
private func warmupEntry(
    _ name: String, aliases: [String] = [], training: Bool = true, extra: [ScheduleParameter] = [], summary: String,
    shape: @escaping @Sendable (Spec) throws(SpecError) -> WarmupDecay.Shape
) -> ScheduleEntry {
    let steps: [ScheduleParameter] = [.required("num_warmup_steps")] + (training ? [.required("num_training_steps")] : [])
    return ScheduleEntry(name: name, aliases: aliases, library: .transformers, parameters: [.required("lr")] + steps + extra, summary: summary) {
        spec, _ throws(SpecError) in
        .schedule(
            try WarmupDecay(
                learningRate: try spec.double("lr"), warmupSteps: try spec.count("num_warmup_steps"),
                trainingSteps: training ? try spec.count("num_training_steps") : 0, shape: try shape(spec)))
    }
}

/// `transformers.optimization`, defaults as in transformers 5.23.
let transformersEntries: [ScheduleEntry] = [
    ScheduleEntry(
        name: "get_constant_schedule", aliases: ["constant"], library: .transformers, parameters: [.required("lr")],
        summary: "lr at every step"
    ) { spec, _ throws(SpecError) in .schedule(ConstantSchedule(try spec.double("lr"))) },
    warmupEntry("get_constant_schedule_with_warmup", training: false, summary: "linear warmup from 0, then lr") { _ throws(SpecError) in .constant },
    warmupEntry("get_linear_schedule_with_warmup", aliases: ["warmup-linear"], summary: "linear warmup from 0, then linear decay to 0 at num_training_steps") {
        _ throws(SpecError) in .linear
    },
    warmupEntry(
        "get_cosine_schedule_with_warmup", aliases: ["warmup-cosine"], extra: [.number("num_cycles", 0.5)],
        summary: "linear warmup from 0, then cosine to 0 (num_cycles 0.5: half a cosine); climbs back after num_training_steps"
    ) { spec throws(SpecError) in .cosine(cycles: try spec.double("num_cycles")) },
    warmupEntry(
        "get_cosine_with_hard_restarts_schedule_with_warmup", aliases: ["warmup-cosine-restarts"], extra: [.number("num_cycles", 1)],
        summary: "linear warmup from 0, then num_cycles cosines each restarting at lr; 0 after num_training_steps"
    ) { spec throws(SpecError) in .hardRestarts(cycles: try spec.steps("num_cycles")) },
    warmupEntry(
        "get_polynomial_decay_schedule_with_warmup", aliases: ["warmup-polynomial"], extra: [.number("lr_end", 1e-7), .number("power", 1)],
        summary: "linear warmup from 0, then polynomial decay to lr_end at num_training_steps"
    ) { spec throws(SpecError) in .polynomial(end: try spec.double("lr_end"), power: try spec.double("power")) },
    warmupEntry(
        "get_inverse_sqrt_schedule", aliases: ["inverse-sqrt"], training: false, extra: [.none("timescale")],
        summary: "linear warmup from 0, then lr / sqrt((t + timescale − warmup) / timescale); timescale defaults to warmup or 10000"
    ) { spec throws(SpecError) in
        let warmup = try spec.count("num_warmup_steps")
        return .inverseSquareRoot(timescale: try spec.optionalSteps("timescale") ?? (warmup == 0 ? 10_000 : warmup))
    },
]
