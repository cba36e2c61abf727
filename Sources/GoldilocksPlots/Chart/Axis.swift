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

    /// How far outside 0…1 `fraction` reports a position: far enough that a line clipped at the
    /// plot's edge crosses it within a millionth of a pixel, near enough that no arithmetic on it
    /// overflows.
    public static let fractionLimit = 1e12

    /// Lays out an axis for data spanning `lower...upper`, widened to the enclosing nice ticks
    /// (whole decades on a log axis).
    ///
    /// Any bounds are safe: non-finite ones (and ones ≤ 0 on a log axis) are replaced by the other
    /// bound or a default, and the axis always shows a range of positive width.
    public init(scale: Scale, lower: Double, upper: Double, tickCount: Int = 6) {
        self.scale = scale
        let (lo, hi) = Self.usableRange(scale: scale, lower, upper)
        switch scale {
        case .linear: ticks = Ticks.linear(lo, hi, count: tickCount)
        case .log: ticks = Ticks.log(lo, hi)
        }
        // An enclosing tick can be missing where it would overflow; the axis then ends at the data.
        self.lower = min(ticks.first?.value ?? lo, lo)
        self.upper = max(ticks.last?.value ?? hi, hi)
    }

    /// The bounds made finite, ordered, of positive width, and > 0 on a log axis.
    static func usableRange(scale: Scale, _ lower: Double, _ upper: Double) -> (Double, Double) {
        switch scale {
        case .linear:
            return Ticks.widened(Ticks.finiteOrdered(lower, upper))
        case .log:
            func usable(_ v: Double) -> Bool { v.isFinite && v > 0 }
            let a = usable(lower) ? lower : usable(upper) ? upper : 1
            let b = usable(upper) ? upper : a
            let (lo, hi) = (min(a, b), max(a, b))
            guard lo == hi else { return (lo, hi) }
            // A decade each way, or both on the side that stays inside Double's range.
            if (hi * 10).isFinite && lo / 10 > 0 { return (lo / 10, hi * 10) }
            return (hi * 10).isFinite ? (lo, hi * 10) : (lo / 10, hi)
        }
    }

    /// Where `value` falls along the axis, 0 at `lower` to 1 at `upper`; nil when it cannot be
    /// shown (non-finite, or ≤ 0 on a log axis). Values outside the range give positions outside
    /// 0…1, capped at ±`fractionLimit` so that callers can clip and convert them safely.
    public func fraction(_ value: Double) -> Double? {
        guard let v = scale.transform(value), let lo = scale.transform(lower), let hi = scale.transform(upper), hi > lo else {
            return nil
        }
        let (offset, span) = (v - lo, hi - lo)
        // Halves where the differences overflow ([−1e308, 1e308]); not always, as halving loses
        // the last bit of subnormals.
        let position = offset.isFinite && span.isFinite ? offset / span : (v / 2 - lo / 2) / (hi / 2 - lo / 2)
        guard !position.isNaN else { return nil }
        return min(max(position, -Self.fractionLimit), Self.fractionLimit)
    }
}
