import GoldilocksSpec

/// The optimizer names a spec may use: PyTorch's class names and friendly short names.
public let optimizerNames = ["SGD", "Adam", "AdamW", "RMSprop", "Adagrad", "sgd", "adam", "adamw", "rmsprop", "adagrad"]

/// Makes an optimizer from a spec with PyTorch's class and parameter names and defaults, such as
/// `{"name":"Adam","lr":0.01,"betas":[0.9,0.999],"amsgrad":true}`.
///
/// `groups` are PyTorch's parameter groups: each overrides the spec's parameters for its range of
/// the flat buffer (no groups: one group of all `parameterCount` parameters). Values PyTorch's
/// constructors reject (a negative `lr`, Nesterov without momentum, betas outside [0, 1), …) throw
/// with PyTorch's message; so do unknown names and parameters, naming the closest valid one.
/// As in PyTorch, Adagrad's sums start at the spec's `initial_accumulator_value` in every group.
public func makeOptimizer<Scalar: BinaryFloatingPoint & Sendable>(
    _ spec: Spec, parameterCount: Int, groups: [ParameterGroupSpec] = [], as scalar: Scalar.Type = Scalar.self
) throws(SpecError) -> any Optimizer<Scalar> {
    guard parameterCount >= 0 else { throw OptimizerError.parameterCount(parameterCount).specError(owner: nil) }
    let groups = groups.isEmpty ? [ParameterGroupSpec(range: 0..<parameterCount)] : groups
    if let problem = groupRangeProblem(groups.map(\.range), parameterCount: parameterCount) { throw problem.specError(owner: nil) }
    /// The ranges were checked above and every group's values as it was read, so the optimizers'
    /// own checks pass; this keeps the error a `SpecError` all the same.
    func made<O>(_ make: () throws(OptimizerError) -> O) throws(SpecError) -> O {
        do {
            return try make()
        } catch {
            throw error.specError(owner: spec.name)
        }
    }
    switch spec.name {
    case "SGD", "sgd":
        let groups = try parameterGroups(spec, groups, SGDHyperparameters.init(spec:))
        return try made { () throws(OptimizerError) in try SGD<Scalar>(parameterCount: parameterCount, groups: groups) }
    case "Adam", "adam", "AdamW", "adamw":
        let decoupled = spec.name.lowercased() == "adamw"
        let groups = try parameterGroups(spec, groups) { (spec) throws(SpecError) in
            try AdamHyperparameters(spec: spec, decoupled: decoupled)
        }
        return try made { () throws(OptimizerError) in try Adam<Scalar>(parameterCount: parameterCount, groups: groups) }
    case "RMSprop", "rmsprop":
        let groups = try parameterGroups(spec, groups, RMSpropHyperparameters.init(spec:))
        return try made { () throws(OptimizerError) in try RMSprop<Scalar>(parameterCount: parameterCount, groups: groups) }
    case "Adagrad", "adagrad":
        var groups = try parameterGroups(spec, groups, AdagradHyperparameters.init(spec:))
        // PyTorch fills every `sum` from the constructor's `initial_accumulator_value`, ignoring
        // a group's own value.
        let initial = try AdagradHyperparameters(spec: spec).initialAccumulatorValue
        for index in groups.indices { groups[index].hyperparameters.initialAccumulatorValue = initial }
        return try made { () throws(OptimizerError) in try Adagrad<Scalar>(parameterCount: parameterCount, groups: groups) }
    default:
        throw .unknownName(
            kind: "optimizer", name: spec.name, owner: nil, valid: optimizerNames,
            closest: closestMatch(to: spec.name, in: optimizerNames))
    }
}

/// Each group's hyper-parameters: the spec's parameters with the group's overrides on top.
private func parameterGroups<H: OptimizerHyperparameters>(
    _ spec: Spec, _ groups: [ParameterGroupSpec], _ read: (Spec) throws(SpecError) -> H
) throws(SpecError) -> [ParameterGroup<H>] {
    let defaults = try read(spec)
    var result: [ParameterGroup<H>] = []
    for group in groups {
        if group.overrides.isEmpty {
            result.append(ParameterGroup(range: group.range, hyperparameters: defaults))
            continue
        }
        let merged = Spec(name: spec.name, parameters: spec.parameters.merging(group.overrides) { _, override in override })
        do {
            result.append(ParameterGroup(range: group.range, hyperparameters: try read(merged)))
        } catch {
            throw .inGroup(group: group.range, error: error)
        }
    }
    return result
}
