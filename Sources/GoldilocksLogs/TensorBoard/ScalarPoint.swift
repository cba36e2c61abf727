/// One logged value of a scalar series: the step, when it was written, and the value.
public struct ScalarPoint: Sendable, Equatable, Codable {
    /// The global step.
    public var step: Int
    /// Seconds since 1970.
    public var wallTime: Double
    /// The value (as stored: TensorBoard keeps scalars as 32-bit floats).
    public var value: Double

    /// A point.
    public init(step: Int, wallTime: Double, value: Double) {
        self.step = step
        self.wallTime = wallTime
        self.value = value
    }
}
