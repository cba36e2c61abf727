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
    guard parameterCount >= 0 else { throw .outOfRange(owner: nil, parameter: "the parameter count", requirement: "0 or more", value: "\(parameterCount)") }
    let groups = groups.isEmpty ? [ParameterGroupSpec(range: 0..<parameterCount)] : groups
    if let problem = groupRangeProblem(groups.map(\.range), parameterCount: parameterCount) { throw problem }
    switch spec.name {
    case "SGD", "sgd":
        return SGD<Scalar>(parameterCount: parameterCount, groups: try parameterGroups(spec, groups, SGDHyperparameters.init(spec:)))
    case "Adam", "adam":
        return Adam<Scalar>(parameterCount: parameterCount, groups: try parameterGroups(spec, groups) { (spec) throws(SpecError) in
            try AdamHyperparameters(spec: spec, decoupled: false)
        })
    case "AdamW", "adamw":
        return Adam<Scalar>(parameterCount: parameterCount, groups: try parameterGroups(spec, groups) { (spec) throws(SpecError) in
            try AdamHyperparameters(spec: spec, decoupled: true)
        })
    case "RMSprop", "rmsprop":
        return RMSprop<Scalar>(parameterCount: parameterCount, groups: try parameterGroups(spec, groups, RMSpropHyperparameters.init(spec:)))
    case "Adagrad", "adagrad":
        var adagradGroups = try parameterGroups(spec, groups, AdagradHyperparameters.init(spec:))
        // PyTorch fills every `sum` from the constructor's `initial_accumulator_value`, ignoring
        // a group's own value.
        let initial = try AdagradHyperparameters(spec: spec).initialAccumulatorValue
        for index in adagradGroups.indices { adagradGroups[index].hyperparameters.initialAccumulatorValue = initial }
        return Adagrad<Scalar>(parameterCount: parameterCount, groups: adagradGroups)
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
