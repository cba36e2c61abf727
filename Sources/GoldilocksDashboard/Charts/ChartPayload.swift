import GoldilocksPlots

/// A chart as the dashboard sends it: the SVG that GoldilocksPlots renders, plus what the page's
/// script needs for hover values (the axes the renderer laid out and the drawn points).
public struct ChartPayload: Encodable, Sendable, Equatable {
    /// An axis: its scale and the range the renderer drew.
    public struct AxisPayload: Encodable, Sendable, Equatable {
        /// `linear` or `log`.
        public var scale: String
        /// The ends of the axis, in data units.
        public var lower: Double
        public var upper: Double
    }

    /// A drawn series; non-finite values are null (JSON has no NaN).
    public struct SeriesPayload: Encodable, Sendable, Equatable {
        /// The legend's name (empty for an unnamed line).
        public var name: String
        /// The colour it is drawn in.
        public var color: String
        /// The drawn points.
        public var x: [Double?]
        public var y: [Double?]
    }

    /// The SVG document.
    public var svg: String
    /// The axes as the renderer laid them out.
    public var x: AxisPayload
    public var y: AxisPayload
    /// The lines and points (not the contour lines), as drawn.
    public var series: [SeriesPayload]

    /// The chart's SVG at the renderer's default size, each line series thinned to about
    /// `maxPoints` (extremes kept) for drawing.
    public init(_ chart: Chart, maxPoints: Int = 2_000) {
        var chart = chart
        for k in chart.series.indices {
            let s = chart.series[k]
            switch s.style {
            case .line:
                (chart.series[k].x, chart.series[k].y) = Thinning.keepingExtremes(x: s.x, y: s.y, maxPoints: maxPoints)
            case .lineAndPoints, .points:
                let kept = Thinning.evenly(Array(zip(s.x, s.y)), maxPoints: maxPoints)
                chart.series[k].x = kept.map(\.0)
                chart.series[k].y = kept.map(\.1)
            case .contour:
                break
            }
        }
        // The renderer's own axes for its default 720 × 440 size.
        let (xAxis, yAxis) = chart.axes(xTicks: max(3, 720 / 110), yTicks: max(3, 440 / 70))
        svg = chart.svg()
        x = AxisPayload(scale: xAxis.scale.rawValue, lower: xAxis.lower, upper: xAxis.upper)
        y = AxisPayload(scale: yAxis.scale.rawValue, lower: yAxis.lower, upper: yAxis.upper)
        var colorIndex = 0
        series = chart.series.compactMap { s in
            guard s.style != .contour else { return nil }
            let color = s.color ?? Palette.color(colorIndex)
            if s.color == nil { colorIndex += 1 }
            return SeriesPayload(
                name: s.name, color: color, x: s.x.map { $0.isFinite ? $0 : nil }, y: s.y.map { $0.isFinite ? $0 : nil })
        }
    }
}
