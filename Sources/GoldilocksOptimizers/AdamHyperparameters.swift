import GoldilocksSpec

/// The hyper-parameters of `Adam`, defaults as PyTorch's `torch.optim.Adam`: `lr` 1e-3, `betas`
/// (0.9, 0.999), `eps` 1e-8, no weight decay; `adamW(...)` gives `torch.optim.AdamW`'s.
public struct AdamHyperparameters: OptimizerHyperparameters {
    /// PyTorch's `lr`.
    public var learningRate: Double
    /// PyTorch's `betas[0]`: decay of the first moment.
    public var beta1: Double
    /// PyTorch's `betas[1]`: decay of the second moment.
    public var beta2: Double
    /// PyTorch's `eps`, added to the bias-corrected `sqrt(v)`.
    public var epsilon: Double
    /// PyTorch's `weight_decay`: an L2 term in the gradient, or decoupled decay (AdamW).
    public var weightDecay: Double
    /// PyTorch's `amsgrad`: normalise by the running maximum of `v`.
    public var amsgrad: Bool
    /// PyTorch's `maximize`.
    public var maximize: Bool
    /// PyTorch's `decoupled_weight_decay` (AdamW): `p ← p·(1 − lr·weightDecay)` before the update.
    public var decoupledWeightDecay: Bool

    public init(
        learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
        weightDecay: Double = 0, amsgrad: Bool = false, maximize: Bool = false, decoupledWeightDecay: Bool = false
    ) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.amsgrad = amsgrad
        self.maximize = maximize
        self.decoupledWeightDecay = decoupledWeightDecay
    }

    /// AdamW's hyper-parameters: decoupled weight decay, default 1e-2 as PyTorch's `AdamW`.
    public static func adamW(
        learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
        weightDecay: Double = 1e-2, amsgrad: Bool = false, maximize: Bool = false
    ) -> AdamHyperparameters {
        AdamHyperparameters(
            learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: weightDecay,
            amsgrad: amsgrad, maximize: maximize, decoupledWeightDecay: true)
    }

    /// The spec's parameter names for `Adam`, PyTorch's.
    public static let parameterNames = ["lr", "betas", "eps", "weight_decay", "amsgrad", "maximize", "decoupled_weight_decay"]
    /// The spec's parameter names for `AdamW` (PyTorch's `AdamW` has no `decoupled_weight_decay`).
    public static let adamWParameterNames = ["lr", "betas", "eps", "weight_decay", "amsgrad", "maximize"]

    /// Reads `Adam`'s parameters.
    public init(spec: Spec) throws(SpecError) {
        try self.init(spec: spec, decoupled: false)
    }

    /// Reads `Adam`'s (`decoupled` false) or `AdamW`'s (`decoupled` true) parameters.
    public init(spec: Spec, decoupled: Bool) throws(SpecError) {
        try spec.checkParameters(decoupled ? Self.adamWParameterNames : Self.parameterNames)
        let betas = try spec.doubles("betas", default: [0.9, 0.999])
        guard betas.count == 2 else { throw SpecError.inconsistent(owner: spec.name, reason: "\"betas\" must be two numbers, such as [0.9, 0.999]") }
        self = try Self(
            learningRate: try spec.double("lr", default: 1e-3), beta1: betas[0], beta2: betas[1],
            epsilon: try spec.double("eps", default: 1e-8), weightDecay: try spec.double("weight_decay", default: decoupled ? 1e-2 : 0),
            amsgrad: try spec.bool("amsgrad", default: false), maximize: try spec.bool("maximize", default: false),
            decoupledWeightDecay: decoupled ? true : try spec.bool("decoupled_weight_decay", default: false)).checked(spec)
    }

    public func check() throws(OptimizerError) {
        if !(learningRate >= 0) { throw .invalid(name: "learning rate", value: learningRate) }
        if !(epsilon >= 0) { throw .invalid(name: "epsilon value", value: epsilon) }
        if !(0 <= beta1 && beta1 < 1) { throw .invalid(name: "beta parameter at index 0", value: beta1) }
        if !(0 <= beta2 && beta2 < 1) { throw .invalid(name: "beta parameter at index 1", value: beta2) }
        if !(weightDecay >= 0) { throw .invalid(name: "weight_decay value", value: weightDecay) }
    }

    public var cycledMomentum: Double? {
        get { beta1 }
        set { if let newValue { beta1 = newValue } }
    }
}
