/// The classic picture of the learning rate: gradient descent on `f(x) = x²`.
///
/// Each epoch does `x ← x − lr · 2x`, so `x_t = x₀ (1 − 2 lr)^t`: below `lr = 1` the run
/// converges (fast near 0.5, slowly near 0), above it `|x|` grows by `|1 − 2 lr|` each epoch
/// until it passes the explosion threshold.
public struct GradientDescentDemo: Sendable {
    /// What a learning rate did, as `goldilocks demo --format json` prints it.
    public struct Run: Sendable, Encodable, Equatable {
        public var learningRate: Double
        /// The final x (the x at which it exploded, for a run that did).
        public var x: Double
        /// `x²` at that point.
        public var loss: Double
        /// The epochs run.
        public var epochs: Int
        /// The epoch at which `|x|` passed the threshold, or `nil`.
        public var explodedAt: Int?
        public var verdict: Verdict
        /// The loss before the first epoch and after each one.
        public var losses: [Double]

        enum CodingKeys: String, CodingKey {
            case learningRate = "lr", x, loss, epochs, explodedAt = "exploded_at", verdict
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(learningRate, forKey: .learningRate)
            try container.encode(x, forKey: .x)
            try container.encode(loss, forKey: .loss)
            try container.encode(epochs, forKey: .epochs)
            try container.encode(explodedAt, forKey: .explodedAt)  // null, not absent, when it did not explode
            try container.encode(verdict, forKey: .verdict)
        }
    }

    /// How a learning rate did on the demo.
    public enum Verdict: String, Sendable, Codable {
        /// The loss fell, but by less than a factor of 100.
        case tooSmall = "too_small"
        /// The loss fell below 1% of where it started.
        case justRight = "just_right"
        /// The loss did not fall: it oscillated or exploded.
        case tooLarge = "too_large"
    }

    public var start: Double
    public var epochs: Int
    /// `|x|` beyond which a run counts as exploded.
    public var explosionThreshold: Double

    /// The demo as the contract fixes it: from x = 5, 50 epochs, explosion past |x| = 1000.
    public init(start: Double = 5, epochs: Int = 50, explosionThreshold: Double = 1000) {
        self.start = start
        self.epochs = epochs
        self.explosionThreshold = explosionThreshold
    }

    /// Runs gradient descent at `learningRate`.
    public func run(learningRate: Double) -> Run {
        var x = start
        var losses = [x * x]
        var explodedAt: Int?
        for epoch in 1...max(epochs, 1) where epochs > 0 {
            x -= learningRate * 2 * x
            losses.append(x * x)
            if abs(x) > explosionThreshold || !x.isFinite {
                explodedAt = epoch
                break
            }
        }
        let verdict: Verdict
        if explodedAt != nil || losses.last! >= losses[0] {
            verdict = .tooLarge
        } else {
            verdict = losses.last! <= 0.01 * losses[0] ? .justRight : .tooSmall
        }
        return Run(
            learningRate: learningRate, x: x, loss: x * x, epochs: losses.count - 1, explodedAt: explodedAt,
            verdict: verdict, losses: losses)
    }
}
