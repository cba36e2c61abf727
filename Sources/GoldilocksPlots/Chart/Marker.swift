/// A labelled mark on a chart: a suggested learning rate, or an event such as a guard's rescue.
public struct Marker: Sendable, Equatable {
    /// Where the mark is.
    public enum Position: Sendable, Equatable {
        /// A vertical line at an x value.
        case vertical(x: Double)
        /// A point.
        case point(x: Double, y: Double)
    }

    /// Where the mark is.
    public var position: Position
    /// The label (also listed in the legend).
    public var label: String
    /// An SVG colour; nil is dark red.
    public var color: String?

    /// A marker.
    public init(_ position: Position, label: String, color: String? = nil) {
        self.position = position
        self.label = label
        self.color = color
    }

    /// A vertical line at `x`.
    public static func vertical(at x: Double, label: String, color: String? = nil) -> Marker {
        Marker(.vertical(x: x), label: label, color: color)
    }

    /// A point at (`x`, `y`).
    public static func point(x: Double, y: Double, label: String, color: String? = nil) -> Marker {
        Marker(.point(x: x, y: y), label: label, color: color)
    }

    var x: Double {
        switch position {
        case let .vertical(x), let .point(x, _): return x
        }
    }
}
