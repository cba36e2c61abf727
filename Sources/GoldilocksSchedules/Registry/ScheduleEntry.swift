import GoldilocksSpec

/// The library a schedule's spec name, parameter names and defaults come from.
public enum ScheduleLibrary: String, Sendable, CaseIterable {
    /// `torch.optim.lr_scheduler`, by class name.
    case pytorch = "PyTorch"
    /// Hugging Face `transformers.optimization`, by function name.
    case transformers
    /// `optax.schedules`, by function name.
    case optax
}

/// What an entry builds: a schedule, or the metric-driven plateau controller.
public enum ScheduleController: Sendable {
    /// A pure function of the step.
    case schedule(any LearningRateSchedule)
    /// PyTorch's `ReduceLROnPlateau`, driven by a metric.
    case plateau(ReduceOnPlateau)
}

/// One row of the schedule registry: a spec name, its parameters and how to build it.
public struct ScheduleEntry: Sendable {
    /// The library's own name (`OneCycleLR`, `get_cosine_schedule_with_warmup`, `sgdr_schedule`).
    public let name: String
    /// Friendly short names that mean the same (`one-cycle`).
    public let aliases: [String]
    /// Where the name and defaults come from.
    public let library: ScheduleLibrary
    /// The parameters, in the library's order, with its defaults.
    public let parameters: [ScheduleParameter]
    /// One line saying what the schedule does.
    public let summary: String
    /// Builds from a spec whose defaults are already filled in; `lr` is passed to nested specs.
    let build: @Sendable (_ spec: Spec, _ registry: ScheduleRegistry) throws(SpecError) -> ScheduleController

    /// The parameter names, as `checkParameters` wants them.
    public var parameterNames: [String] { parameters.map(\.name) }

    /// `spec` with every missing parameter set to its default.
    func withDefaults(_ spec: Spec) -> Spec {
        var fields = spec.parameters
        for parameter in parameters {
            if let value = parameter.defaultValue, fields[parameter.name] == nil { fields[parameter.name] = value }
        }
        return Spec(name: spec.name, parameters: fields)
    }

    /// The help line: `name(parameters) — summary`.
    public var usage: String {
        let also = aliases.isEmpty ? "" : " (also \(aliases.joined(separator: ", ")))"
        return "\(name)(\(parameters.map(\.usage).joined(separator: ", ")))\(also)\n    \(summary)"
    }
}
