/// An optimizer whose state is organised by `ParameterGroup`s; supplies `learningRates` and
/// `momenta` from the groups' hyper-parameters.
public protocol GroupedOptimizer: Optimizer {
    associatedtype Hyperparameters: OptimizerHyperparameters

    /// The parameter groups, in order.
    var groups: [ParameterGroup<Hyperparameters>] { get }

    /// Replaces the hyper-parameters of group `index` (allocating any state they newly need, such
    /// as a momentum buffer), so the next `step` uses them; throws `OptimizerError.noGroup` for an
    /// index outside `groups`.
    mutating func setHyperparameters(_ hyperparameters: Hyperparameters, forGroup index: Int) throws(OptimizerError)
}

extension GroupedOptimizer {
    /// One rate per group. Set with fewer, the last one given fills the groups after it (one rate
    /// sets every group); an empty array changes nothing.
    public var learningRates: [Double] {
        get { groups.map(\.hyperparameters.learningRate) }
        set {
            guard let last = newValue.last else { return }
            for index in groups.indices {
                var hyperparameters = groups[index].hyperparameters
                hyperparameters.learningRate = index < newValue.count ? newValue[index] : last
                try? setHyperparameters(hyperparameters, forGroup: index)  // in range by construction
            }
        }
    }

    /// One momentum (or β₁) per group, nil where it is not cycled; set as `learningRates`.
    public var momenta: [Double?] {
        get { groups.map(\.hyperparameters.cycledMomentum) }
        set {
            guard let last = newValue.last else { return }
            for index in groups.indices {
                guard let momentum = index < newValue.count ? newValue[index] : last else { continue }
                var hyperparameters = groups[index].hyperparameters
                hyperparameters.cycledMomentum = momentum
                try? setHyperparameters(hyperparameters, forGroup: index)  // in range by construction
            }
        }
    }
}
