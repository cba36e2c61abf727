/// The two momenta (or Adam beta1 values) that a cyclical schedule moves between.
///
/// Momentum is high when the learning rate is low and low when it is high (Smith 2018).
public struct MomentumCycle: Codable, Sendable, Equatable {
    /// The momentum at the learning rate's peak, PyTorch's `base_momentum`.
    public var base: Double
    /// The momentum where the learning rate is lowest, PyTorch's `max_momentum`.
    public var maximum: Double

    /// A momentum cycle between `base` and `maximum`.
    public init(base: Double, maximum: Double) {
        self.base = base
        self.maximum = maximum
    }
}
