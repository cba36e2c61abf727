/// A 2-D chart: series, markers, title and axis labels, on linear or log axes; rendered with
/// `svg(width:height:)` or `terminal(width:height:)`.
public struct Chart: Sendable, Equatable {
    /// The title above the plot.
    public var title: String
    /// The x axis' label.
    public var xLabel: String
    /// The y axis' label.
    public var yLabel: String
    /// The x axis' scale.
    public var xScale: Scale
    /// The y axis' scale.
    public var yScale: Scale
    /// The lines and points, drawn in order.
    public var series: [Series]
    /// Suggestions and events.
    public var markers: [Marker]
    /// The x range shown; nil fits the data.
    public var xRange: ClosedRange<Double>?
    /// The y range shown; nil fits the data. Points outside are clipped, and marked where a line
    /// leaves the range.
    public var yRange: ClosedRange<Double>?

    /// A chart.
    public init(
        title: String = "", xLabel: String = "", yLabel: String = "", xScale: Scale = .linear,
        yScale: Scale = .linear, series: [Series] = [], markers: [Marker] = [],
        xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xScale = xScale
        self.yScale = yScale
        self.series = series
        self.markers = markers
        self.xRange = xRange
        self.yRange = yRange
    }

    /// The laid-out axes: the given ranges, or the data's (finite, and > 0 on log axes; markers'
    /// x values included), widened to nice ticks. The x axis spans every point it can place, also
    /// those whose y cannot be shown, so that a run that turned NaN is seen to go on.
    public func axes(xTicks: Int = 6, yTicks: Int = 6) -> (x: Axis, y: Axis) {
        var xs: [Double] = []
        var ys: [Double] = []
        for s in series {
            for (x, y) in s.points where xScale.transform(x) != nil {
                xs.append(x)
                if yScale.transform(y) != nil { ys.append(y) }
            }
        }
        for m in markers {
            if xScale.transform(m.x) != nil { xs.append(m.x) }
            if case let .point(_, y) = m.position, yScale.transform(y) != nil { ys.append(y) }
        }
        func range(_ values: [Double], _ given: ClosedRange<Double>?, _ scale: Scale) -> (Double, Double) {
            if let given { return (given.lowerBound, given.upperBound) }
            guard let lo = values.min(), let hi = values.max() else { return scale == .log ? (1, 10) : (0, 1) }
            return (lo, hi)
        }
        let (x0, x1) = range(xs, xRange, xScale)
        let (y0, y1) = range(ys, yRange, yScale)
        var x = Axis(scale: xScale, lower: x0, upper: x1, tickCount: xTicks)
        var y = Axis(scale: yScale, lower: y0, upper: y1, tickCount: yTicks)
        // A given range is shown exactly, with only the ticks inside it.
        if let xRange { x.clamp(to: xRange) }
        if let yRange { y.clamp(to: yRange) }
        return (x, y)
    }
}

extension Axis {
    /// Shows `range` exactly (made usable: finite, of positive width, > 0 on a log axis), keeping
    /// only the ticks inside it.
    fileprivate mutating func clamp(to range: ClosedRange<Double>) {
        (lower, upper) = Self.usableRange(scale: scale, range.lowerBound, range.upperBound)
        // A billionth of the range, so a tick computed a rounding error outside still counts.
        let tolerance = upper * 1e-9 - lower * 1e-9
        ticks = ticks.filter { $0.value >= lower - tolerance && $0.value <= upper + tolerance }
    }
}
