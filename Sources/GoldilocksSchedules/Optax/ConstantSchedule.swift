/// The same learning rate at every step: optax's `constant_schedule` and transformers'
/// `get_constant_schedule`.
public struct ConstantSchedule: PyTorchScheduler, Codable, Equatable {
    /// The learning rate.
    public var value: Double

    /// A constant learning rate.
    public init(_ value: Double) {
        self.value = value
    }

    public func callAsFunction(_ step: Int) -> Double { value }
}
