import GoldilocksSpec

/// Every schedule a spec can name: one table drives decoding, the errors and the help text.
public struct ScheduleRegistry: Sendable {
    /// The entries, PyTorch first, then transformers, then optax.
    public let entries: [ScheduleEntry]

    /// A registry of `entries`.
    public init(entries: [ScheduleEntry]) {
        self.entries = entries
    }

    /// Every PyTorch, transformers and optax schedule Goldilocks knows.
    public static let standard = ScheduleRegistry(entries: pytorchEntries + transformersEntries + optaxEntries)

    /// Every accepted name, library names first, then the friendly ones.
    public var names: [String] { entries.map(\.name) + entries.flatMap(\.aliases) }

    /// The entry for a library name or friendly alias.
    public func entry(named name: String) throws(SpecError) -> ScheduleEntry {
        if let entry = entries.first(where: { $0.name == name || $0.aliases.contains(name) }) { return entry }
        let names = self.names
        throw .unknownName(kind: "schedule", name: name, owner: nil, valid: names, closest: closestMatch(to: name, in: names))
    }

    /// Builds a schedule or the plateau controller from `spec`.
    ///
    /// `learningRate` fills in a missing `lr` (the optimizer's learning rate) for the schedules
    /// that take one; nested specs (`SequentialLR`'s `schedulers`) inherit the outer `lr`.
    public func controller(_ spec: Spec, learningRate: Double? = nil) throws(SpecError) -> ScheduleController {
        let entry = try entry(named: spec.name)
        var given = spec
        if let learningRate, given.parameters["lr"] == nil, entry.parameterNames.contains("lr") {
            var fields = given.parameters
            fields["lr"] = .number(learningRate)
            given = Spec(name: spec.name, parameters: fields)
        }
        try given.checkParameters(entry.parameterNames)
        try Self.checkRates(given)
        return try entry.build(entry.withDefaults(given), self)
    }

    /// Builds a schedule from `spec`; `ReduceLROnPlateau` is an error here (it needs metrics).
    public func schedule(_ spec: Spec, learningRate: Double? = nil) throws(SpecError) -> any LearningRateSchedule {
        switch try controller(spec, learningRate: learningRate) {
        case .schedule(let schedule): return schedule
        case .plateau:
            throw .metricDriven(schedule: spec.name)
        }
    }

    /// The parameters, across the libraries, that hold a learning rate.
    static let rateParameters: Set<String> = [
        "lr", "max_lr", "base_lr", "eta_min", "min_lr", "lr_end", "init_value", "peak_value", "end_value", "value",
    ]

    /// Refuses a negative or non-finite learning rate, which every library would take silently and
    /// train with backwards (0 stays allowed: a warmup from 0 is common).
    static func checkRates(_ spec: Spec) throws(SpecError) {
        for name in spec.parameters.keys.sorted() where rateParameters.contains(name) {
            guard case .number(let rate) = spec.parameters[name] else { continue }
            guard rate.isFinite, rate >= 0 else {
                throw .badLearningRate(owner: spec.name, parameter: name, value: rate)
            }
        }
    }

    /// Builds PyTorch's `ReduceLROnPlateau` from `spec`.
    public func plateau(_ spec: Spec, learningRate: Double? = nil) throws(SpecError) -> ReduceOnPlateau {
        switch try controller(spec, learningRate: learningRate) {
        case .plateau(let plateau): return plateau
        case .schedule:
            throw .stepDriven(schedule: spec.name)
        }
    }

    /// The nested specs under `key`, built as PyTorch schedulers with the outer `lr`.
    func pytorchSchedulers(_ spec: Spec, _ key: String) throws(SpecError) -> [any PyTorchScheduler] {
        let learningRate = try spec.optionalDouble("lr")
        var result: [any PyTorchScheduler] = []
        for nested in try spec.specs(key) {
            guard try entry(named: nested.name).library != .optax else {
                throw .cannotNest(owner: spec.name, parameter: key, nested: nested.name, isOptax: true)
            }
            let schedule = try schedule(nested, learningRate: learningRate)
            guard let scheduler = schedule as? any PyTorchScheduler else {
                throw .cannotNest(owner: spec.name, parameter: key, nested: nested.name, isOptax: false)
            }
            result.append(scheduler)
        }
        return result
    }

    /// The help text: every schedule with its parameters and defaults, by library.
    public var help: String {
        var lines: [String] = []
        for library in ScheduleLibrary.allCases {
            lines.append("\(library.rawValue):")
            for entry in entries where entry.library == library { lines.append("  " + entry.usage) }
        }
        return lines.joined(separator: "\n")
    }
}

/// Builds the schedule `spec` names (PyTorch, transformers or optax, with that library's
/// parameter names and defaults, or a friendly alias such as `one-cycle`).
///
/// PyTorch and transformers specs carry `lr`, the optimizer's learning rate (`base_lr`);
/// `learningRate` fills it in when the spec leaves it out.
public func makeSchedule(_ spec: Spec, learningRate: Double? = nil) throws(SpecError) -> any LearningRateSchedule {
    try ScheduleRegistry.standard.schedule(spec, learningRate: learningRate)
}

/// Builds PyTorch's `ReduceLROnPlateau` from its spec.
public func makePlateau(_ spec: Spec, learningRate: Double? = nil) throws(SpecError) -> ReduceOnPlateau {
    try ScheduleRegistry.standard.plateau(spec, learningRate: learningRate)
}
