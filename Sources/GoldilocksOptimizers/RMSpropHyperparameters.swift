import GoldilocksSpec

/// The hyper-parameters of `RMSprop`, defaults as PyTorch's `torch.optim.RMSprop`: `lr` 1e-2,
/// `alpha` 0.99, `eps` 1e-8, no weight decay or momentum, not centered.
public struct RMSpropHyperparameters: OptimizerHyperparameters {
    /// PyTorch's `lr`.
    public var learningRate: Double
    /// PyTorch's `alpha`: decay of the running mean of squared gradients.
    public var alpha: Double
    /// PyTorch's `eps`, added outside the square root.
    public var epsilon: Double
    /// PyTorch's `weight_decay`: L2 penalty added to the gradient.
    public var weightDecay: Double
    /// PyTorch's `momentum`.
    public var momentum: Double
    /// PyTorch's `centered`: normalise by the estimated variance instead of the raw second moment.
    public var centered: Bool
    /// PyTorch's `maximize`.
    public var maximize: Bool

    public init(
        learningRate: Double = 1e-2, alpha: Double = 0.99, epsilon: Double = 1e-8, weightDecay: Double = 0,
        momentum: Double = 0, centered: Bool = false, maximize: Bool = false
    ) {
        self.learningRate = learningRate
        self.alpha = alpha
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.momentum = momentum
        self.centered = centered
        self.maximize = maximize
    }

    /// The spec's parameter names, PyTorch's.
    public static let parameterNames = ["lr", "alpha", "eps", "weight_decay", "momentum", "centered", "maximize"]

    public init(spec: Spec) throws(SpecError) {
        try spec.checkParameters(Self.parameterNames)
        self = try Self(
            learningRate: try spec.double("lr", default: 1e-2), alpha: try spec.double("alpha", default: 0.99),
            epsilon: try spec.double("eps", default: 1e-8), weightDecay: try spec.double("weight_decay", default: 0),
            momentum: try spec.double("momentum", default: 0), centered: try spec.bool("centered", default: false),
            maximize: try spec.bool("maximize", default: false)).checked(spec)
    }

    public func check() throws(OptimizerError) {
        if !(learningRate >= 0) { throw .invalid(name: "learning rate", value: learningRate) }
        if !(epsilon >= 0) { throw .invalid(name: "epsilon value", value: epsilon) }
        if !(momentum >= 0) { throw .invalid(name: "momentum value", value: momentum) }
        if !(weightDecay >= 0) { throw .invalid(name: "weight_decay value", value: weightDecay) }
        if !(alpha >= 0) { throw .invalid(name: "alpha value", value: alpha) }
    }

    public var cycledMomentum: Double? {
        get { momentum }
        set { if let newValue { momentum = newValue } }
    }
}
