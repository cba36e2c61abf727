import GoldilocksSpec

/// What the playground is asked to run: a loss, an optimizer, the learning rates to compare and
/// optionally a schedule. JSON keys: `problem`, `optimizer`, `lrs`, `schedule`, `steps`, `start`,
/// `model`.
public struct PlaygroundRequest: Codable, Sendable, Equatable {
    /// `x2` (the demo's f(x) = x²), a 2-D landscape (`rosenbrock`, `beale`, `himmelblau`, `booth`,
    /// `quadratic`), or a bundled data set (`digits`, `moons`, …) with a small network.
    public var problem: String
    /// The optimizer spec in PyTorch's names; default plain SGD on functions, Adam on data.
    public var optimizer: Spec?
    /// The learning rates to compare, one run each.
    public var learningRates: [Double]
    /// A schedule spec; a spec without `lr` takes each run's learning rate.
    public var schedule: Spec?
    /// Optimizer steps on a function (default 50 on x², 300 on a landscape), epochs on data (default 5).
    public var steps: Int?
    /// Where a function's run starts (x = 5 on x²; a classic start on each landscape).
    public var start: [Double]?
    /// Hidden layer widths of the network on data (default one layer of 32).
    public var hiddenLayers: [Int]?

    /// A request.
    public init(
        problem: String, optimizer: Spec? = nil, learningRates: [Double], schedule: Spec? = nil, steps: Int? = nil,
        start: [Double]? = nil, hiddenLayers: [Int]? = nil
    ) {
        self.problem = problem
        self.optimizer = optimizer
        self.learningRates = learningRates
        self.schedule = schedule
        self.steps = steps
        self.start = start
        self.hiddenLayers = hiddenLayers
    }

    enum CodingKeys: String, CodingKey {
        case problem, optimizer, learningRates = "lrs", schedule, steps, start, hiddenLayers = "model"
    }
}
