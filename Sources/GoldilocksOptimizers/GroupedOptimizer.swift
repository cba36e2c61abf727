/// An optimizer whose state is organised by `ParameterGroup`s; supplies `learningRates` and
/// `momenta` from the groups' hyper-parameters.
public protocol GroupedOptimizer: Optimizer {
    associatedtype Hyperparameters: OptimizerHyperparameters

    /// The parameter groups, in order.
    var groups: [ParameterGroup<Hyperparameters>] { get }

    /// Replaces the hyper-parameters of group `index` (allocating any state they newly need, such
    /// as a momentum buffer), so the next `step` uses them.
    mutating func setHyperparameters(_ hyperparameters: Hyperparameters, forGroup index: Int)
}

extension GroupedOptimizer {
    public var learningRates: [Double] {
        get { groups.map(\.hyperparameters.learningRate) }
        set {
            precondition(newValue.count == groups.count, "\(newValue.count) learning rates for \(groups.count) groups")
            for (index, rate) in newValue.enumerated() {
                var hyperparameters = groups[index].hyperparameters
                hyperparameters.learningRate = rate
                setHyperparameters(hyperparameters, forGroup: index)
            }
        }
    }

    public var momenta: [Double?] {
        get { groups.map(\.hyperparameters.cycledMomentum) }
        set {
            precondition(newValue.count == groups.count, "\(newValue.count) momenta for \(groups.count) groups")
            for (index, momentum) in newValue.enumerated() {
                guard let momentum else { continue }
                var hyperparameters = groups[index].hyperparameters
                hyperparameters.cycledMomentum = momentum
                setHyperparameters(hyperparameters, forGroup: index)
            }
        }
    }
}
