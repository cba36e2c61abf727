import GoldilocksSpec

/// The hyper-parameters of `SGD`, defaults as PyTorch's `torch.optim.SGD`: `lr` 1e-3, no momentum,
/// dampening, weight decay or Nesterov.
public struct SGDHyperparameters: OptimizerHyperparameters {
    /// PyTorch's `lr`.
    public var learningRate: Double
    /// PyTorch's `momentum` (0 means plain SGD).
    public var momentum: Double
    /// PyTorch's `dampening`: new gradients enter the momentum buffer scaled by `1 - dampening`.
    public var dampening: Double
    /// PyTorch's `weight_decay`: L2 penalty added to the gradient.
    public var weightDecay: Double
    /// PyTorch's `nesterov`.
    public var nesterov: Bool
    /// PyTorch's `maximize`: ascend instead of descend.
    public var maximize: Bool

    public init(
        learningRate: Double = 1e-3, momentum: Double = 0, dampening: Double = 0,
        weightDecay: Double = 0, nesterov: Bool = false, maximize: Bool = false
    ) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
        self.maximize = maximize
    }

    /// The spec's parameter names, PyTorch's.
    public static let parameterNames = ["lr", "momentum", "dampening", "weight_decay", "nesterov", "maximize"]

    public init(spec: Spec) throws(SpecError) {
        try spec.checkParameters(Self.parameterNames)
        self = try Self(
            learningRate: try spec.double("lr", default: 1e-3), momentum: try spec.double("momentum", default: 0),
            dampening: try spec.double("dampening", default: 0), weightDecay: try spec.double("weight_decay", default: 0),
            nesterov: try spec.bool("nesterov", default: false), maximize: try spec.bool("maximize", default: false)).checked(spec)
    }

    public func check() throws(OptimizerError) {
        if !(learningRate >= 0) { throw .invalid(name: "learning rate", value: learningRate) }
        if !(momentum >= 0) { throw .invalid(name: "momentum value", value: momentum) }
        if !(weightDecay >= 0) { throw .invalid(name: "weight_decay value", value: weightDecay) }
        if nesterov && (momentum <= 0 || dampening != 0) { throw .nesterovWithoutMomentum }
    }

    public var cycledMomentum: Double? {
        get { momentum }
        set { if let newValue { momentum = newValue } }
    }
}
