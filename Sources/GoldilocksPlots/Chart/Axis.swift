/// A laid-out axis: its scale, the (nice) range it shows, and its ticks.
public struct Axis: Sendable, Equatable {
    /// Linear or log.
    public var scale: Scale
    /// The lowest value shown.
    public var lower: Double
    /// The highest value shown.
    public var upper: Double
    /// The ticks, in increasing order.
    public var ticks: [Tick]

    /// Lays out an axis for data spanning `lower...upper`, widened to the enclosing nice ticks
    /// (whole decades on a log axis).
    public init(scale: Scale, lower: Double, upper: Double, tickCount: Int = 6) {
        self.scale = scale
        switch scale {
        case .linear: ticks = Ticks.linear(lower, upper, count: tickCount)
        case .log: ticks = Ticks.log(lower, upper)
        }
        self.lower = ticks.first?.value ?? lower
        self.upper = ticks.last?.value ?? upper
    }

    /// Where `value` falls along the axis, 0 at `lower` to 1 at `upper`; nil when it cannot be
    /// shown (non-finite, or ≤ 0 on a log axis). Values outside the range give positions outside 0…1.
    public func fraction(_ value: Double) -> Double? {
        guard let v = scale.transform(value), let lo = scale.transform(lower), let hi = scale.transform(upper), hi > lo else {
            return nil
        }
        return (v - lo) / (hi - lo)
    }
}
