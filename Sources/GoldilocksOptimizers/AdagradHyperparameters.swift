import GoldilocksSpec

/// The hyper-parameters of `Adagrad`, defaults as PyTorch's `torch.optim.Adagrad`: `lr` 1e-2, no
/// `lr_decay` or weight decay, `initial_accumulator_value` 0, `eps` 1e-10.
public struct AdagradHyperparameters: OptimizerHyperparameters {
    /// PyTorch's `lr`.
    public var learningRate: Double
    /// PyTorch's `lr_decay`: step `t` uses `lr / (1 + (t − 1)·lrDecay)`.
    public var learningRateDecay: Double
    /// PyTorch's `weight_decay`: L2 penalty added to the gradient.
    public var weightDecay: Double
    /// PyTorch's `initial_accumulator_value`: the starting sum of squared gradients.
    public var initialAccumulatorValue: Double
    /// PyTorch's `eps`, added outside the square root.
    public var epsilon: Double
    /// PyTorch's `maximize`.
    public var maximize: Bool

    public init(
        learningRate: Double = 1e-2, learningRateDecay: Double = 0, weightDecay: Double = 0,
        initialAccumulatorValue: Double = 0, epsilon: Double = 1e-10, maximize: Bool = false
    ) {
        self.learningRate = learningRate
        self.learningRateDecay = learningRateDecay
        self.weightDecay = weightDecay
        self.initialAccumulatorValue = initialAccumulatorValue
        self.epsilon = epsilon
        self.maximize = maximize
    }

    /// The spec's parameter names, PyTorch's.
    public static let parameterNames = ["lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps", "maximize"]

    public init(spec: Spec) throws(SpecError) {
        try spec.checkParameters(Self.parameterNames)
        self = try Self(
            learningRate: try spec.double("lr", default: 1e-2), learningRateDecay: try spec.double("lr_decay", default: 0),
            weightDecay: try spec.double("weight_decay", default: 0),
            initialAccumulatorValue: try spec.double("initial_accumulator_value", default: 0),
            epsilon: try spec.double("eps", default: 1e-10), maximize: try spec.bool("maximize", default: false)).checked(spec)
    }

    /// Adagrad has no momentum: always `nil`, and setting it does nothing.
    public func check() throws(OptimizerError) {
        if !(learningRate >= 0) { throw .invalid(name: "learning rate", value: learningRate) }
        if !(learningRateDecay >= 0) { throw .invalid(name: "lr_decay value", value: learningRateDecay) }
        if !(weightDecay >= 0) { throw .invalid(name: "weight_decay value", value: weightDecay) }
        if !(initialAccumulatorValue >= 0) {
            throw .invalid(name: "initial_accumulator_value value", value: initialAccumulatorValue)
        }
        if !(epsilon >= 0) { throw .invalid(name: "epsilon value", value: epsilon) }
    }

    public var cycledMomentum: Double? {
        get { nil }
        set {}
    }
}
