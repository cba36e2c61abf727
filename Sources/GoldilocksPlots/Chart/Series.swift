/// One named line or set of points on a chart; non-finite values (and values ≤ 0 on a log axis)
/// leave gaps.
public struct Series: Sendable, Equatable {
    /// How a series is drawn.
    public enum Style: String, Sendable, Equatable {
        /// A line through the points.
        case line
        /// Points only.
        case points
        /// A line with a dot at each point.
        case lineAndPoints
        /// A thin line, not in the legend (contour lines).
        case contour
    }

    /// The name in the legend.
    public var name: String
    /// The x values.
    public var x: [Double]
    /// The y values, one per x.
    public var y: [Double]
    /// How it is drawn.
    public var style: Style
    /// An SVG colour (`#1f77b4`); nil takes the next colour of the palette.
    public var color: String?

    /// A series; `x` and `y` are paired up to the shorter one.
    public init(name: String, x: [Double], y: [Double], style: Style = .line, color: String? = nil) {
        self.name = name
        self.x = x
        self.y = y
        self.style = style
        self.color = color
    }

    /// A series over steps 0, 1, 2, …
    public init(name: String, y: [Double], style: Style = .line, color: String? = nil) {
        self.init(name: name, x: y.indices.map(Double.init), y: y, style: style, color: color)
    }

    /// The (x, y) pairs.
    var points: Zip2Sequence<[Double], [Double]> { zip(x, y) }
}
