import GoldilocksSpec

/// The hyper-parameters of one parameter group of an optimizer (PyTorch's per-group options).
public protocol OptimizerHyperparameters: Sendable, Equatable, Codable {
    /// The learning rate, PyTorch's `group["lr"]`.
    var learningRate: Double { get set }

    /// The momentum that cycling schedules drive (SGD/RMSprop `momentum`, Adam's `beta1`), `nil`
    /// when the optimizer has none; setting it on such an optimizer does nothing.
    var cycledMomentum: Double? { get set }

    /// Reads the hyper-parameters from a spec with PyTorch's parameter names and defaults, and
    /// rejects what PyTorch's constructor rejects (with PyTorch's wording).
    init(spec: Spec) throws(SpecError)

    /// Throws what PyTorch's constructor rejects (a negative learning rate, betas outside [0, 1),
    /// Nesterov without momentum, …), with PyTorch's wording.
    func check() throws(OptimizerError)
}

extension OptimizerHyperparameters {
    /// `check()` for a spec's values, naming the optimizer as PyTorch's messages do.
    func checked(_ spec: Spec) throws(SpecError) -> Self {
        do {
            try check()
        } catch {
            throw error.specError(owner: spec.name)
        }
        return self
    }
}
