/// A series laid out on the plot, ready for a renderer: its lines clipped to the plot, the points
/// inside it, and the marks where it leaves. Positions are plot fractions, 0…1 across and 0…1 up,
/// so every renderer converts bounded numbers, whatever the data's range.
///
/// Both renderers draw from a trace, so the terminal and the SVG agree on what is clipped and
/// marked.
struct Trace {
    /// A position on the plot: 0…1 from left to right and from bottom to top.
    struct Point: Equatable {
        var x: Double
        var y: Double
    }

    /// Why a series stopped being drawn at a mark.
    enum Exit: Equatable {
        /// It rose above the y range.
        case above
        /// It fell below the y range.
        case below
        /// It became NaN or infinite.
        case nonFinite
    }

    /// Connected lines, each inside the plot; a piece of one point is a lone point.
    var pieces: [[Point]] = []
    /// The data points inside the plot.
    var dots: [Point] = []
    /// Where the series left the plot, and why; at most one per departure, not one per value.
    var exits: [(at: Point, why: Exit)] = []
    /// Values with x on the plot but y above its range: not shown.
    var above = 0
    /// Values with x on the plot but y below its range: not shown.
    var below = 0
    /// NaN or infinite y values: not shown.
    var nonFinite = 0

    /// Lays out `series` on the axes; `connected` joins consecutive points with lines. Values that
    /// an axis cannot show at all (≤ 0 on a log axis, a non-finite x) leave unmarked gaps.
    init(_ series: Series, x xAxis: Axis, y yAxis: Axis, connected: Bool) {
        var previous: Point?
        // Whether the last value was already off the chart, so a run of them gets one mark.
        var wasOff = false
        for (x, y) in series.points {
            guard let fx = xAxis.fraction(x) else {
                (previous, wasOff) = (nil, false)
                continue
            }
            let onColumn = (0...1).contains(fx)
            guard y.isFinite else {
                if onColumn { nonFinite += 1 }
                if let last = previous, !wasOff, Self.inside(last) { exits.append((last, .nonFinite)) }
                (previous, wasOff) = (nil, true)
                continue
            }
            guard let fy = yAxis.fraction(y) else {
                (previous, wasOff) = (nil, false)
                continue
            }
            let here = Point(x: fx, y: fy)
            let off: Exit? = fy > 1 ? .above : fy < 0 ? .below : nil
            if onColumn, let off { off == .above ? (above += 1) : (below += 1) }
            var leftAt: Point?
            if connected, let from = previous, let (a, b) = Self.clip(from, here) {
                if pieces.last?.last == a { pieces[pieces.count - 1].append(b) } else { pieces.append([a, b]) }
                if b != here { leftAt = b }
            } else if Self.inside(here) {
                pieces.append([here])
            }
            // Marked when it goes off, or when a line crossed the plot on its way from off to off.
            if let off, !wasOff || leftAt != nil {
                // Where the line crossed the edge, or straight above (below) the point.
                let edge = leftAt ?? (onColumn ? Point(x: fx, y: off == .above ? 1 : 0) : nil)
                if let edge { exits.append((edge, off)) }
            }
            if Self.inside(here) { dots.append(here) }
            (previous, wasOff) = (here, off != nil)
        }
    }

    /// Whether a position is on the plot.
    static func inside(_ p: Point) -> Bool { (0...1).contains(p.x) && (0...1).contains(p.y) }

    /// The part of the segment `p`–`q` inside the plot (Liang–Barsky), nil when none is; ends that
    /// are inside come back unchanged, so a clipped line can be joined to the previous one exactly.
    /// Coordinates must be finite (`Axis.fraction` caps them), so no difference overflows.
    static func clip(_ p: Point, _ q: Point) -> (Point, Point)? {
        let (dx, dy) = (q.x - p.x, q.y - p.y)
        var (t0, t1) = (0.0, 1.0)
        // Each edge as (direction towards outside, distance from p to the edge).
        for (toward, room) in [(-dx, p.x), (dx, 1 - p.x), (-dy, p.y), (dy, 1 - p.y)] {
            if toward == 0 {
                if room < 0 { return nil }
                continue
            }
            let t = room / toward
            if toward < 0 {
                if t > t1 { return nil }
                t0 = max(t0, t)
            } else {
                if t < t0 { return nil }
                t1 = min(t1, t)
            }
        }
        func at(_ t: Double) -> Point {
            // Clamped: rounding can put a crossing a hair outside the edge.
            Point(x: min(max(p.x + t * dx, 0), 1), y: min(max(p.y + t * dy, 0), 1))
        }
        return (t0 == 0 ? p : at(t0), t1 == 1 ? q : at(t1))
    }
}

/// What a chart could not show, summed over its series, for the legend's footnotes.
struct ClipSummary {
    /// Values above the y range.
    var above = 0
    /// Values below the y range.
    var below = 0
    /// NaN or infinite values.
    var nonFinite = 0

    /// The totals of `traces`.
    init(_ traces: [Trace]) {
        for t in traces {
            above += t.above
            below += t.below
            nonFinite += t.nonFinite
        }
    }

    /// One footnote per kind of hidden value, for the renderer to put after its mark:
    /// `(.above, "3 points above 10 not shown")`.
    func notes(yAxis: Axis) -> [(why: Trace.Exit, text: String)] {
        func points(_ n: Int) -> String { n == 1 ? "1 point" : "\(n) points" }
        var notes: [(Trace.Exit, String)] = []
        if above > 0 { notes.append((.above, "\(points(above)) above \(Ticks.shortLabel(yAxis.upper)) not shown")) }
        if below > 0 { notes.append((.below, "\(points(below)) below \(Ticks.shortLabel(yAxis.lower)) not shown")) }
        if nonFinite > 0 {
            notes.append((.nonFinite, "\(nonFinite == 1 ? "1 value" : "\(nonFinite) values") NaN or infinite: the line ends"))
        }
        return notes
    }
}
