import Foundation

extension Chart {
    /// The chart as a self-contained SVG document (no scripts, no external fonts: the generic
    /// `sans-serif` family), `width × height` pixels.
    ///
    /// Lines break at values ≤ 0 on a log axis; markers are dashed vertical lines or circled points
    /// with labels. Values outside the axes are clipped: a line runs to the plot's edge and ends
    /// with a triangle pointing the way it left (class `exit-above`, `exit-below`), or with a cross
    /// where it became NaN or infinite (`exit-nonfinite`); the legend counts what is not shown.
    /// Every coordinate written is inside the document, whatever the values.
    public func svg(width: Int = 720, height: Int = 440) -> String {
        let (xAxis, yAxis) = axes(xTicks: max(3, width / 110), yTicks: max(3, height / 70))
        let yLabelWidth = yAxis.ticks.compactMap(\.label).map(\.count).max() ?? 1
        let left = Double(34 + 7 * yLabelWidth)
        let right = Double(width) - 20
        // Vertical markers are labelled in rows above the plot, clear of the lines and the legend.
        let labels = Self.placeMarkerLabels(markers, x: xAxis, left: left, right: right)
        let labelRows = (labels.compactMap { $0?.row }.max() ?? -1) + 1
        let top = (title.isEmpty ? 20.0 : 42.0) + Double(labelRows) * Self.labelRowHeight
        let bottom = Double(height) - (xLabel.isEmpty ? 32 : 50)
        let plot = PlotArea(left: left, right: right, top: top, bottom: bottom, x: xAxis, y: yAxis)

        var svg = SVGDocument(width: width, height: height)
        svg.add(#"<rect width="100%" height="100%" fill="white"/>"#)
        svg.add(#"<defs><clipPath id="plot"><rect x="\#(f(left))" y="\#(f(top))" width="\#(f(right - left))" height="\#(f(bottom - top))"/></clipPath></defs>"#)
        if !title.isEmpty {
            svg.text(title, x: Double(width) / 2, y: 26, size: 16, anchor: "middle", weight: "bold")
        }
        drawGrid(&svg, plot)
        var colorIndex = 0
        var legend: [LegendEntry] = []
        var traces: [(trace: Trace, color: String)] = []
        svg.add(#"<g clip-path="url(#plot)">"#)
        let laidOut = series.map { Trace($0, x: xAxis, y: yAxis, connected: $0.style != .points) }
        let drawn = series.indices.filter { series[$0].style != .contour }
        // Cells of about 4 × 4 pixels: lines closer than that look like one.
        let (cellColumns, cellRows) = (max(2, Int((right - left) / 4)), max(2, Int((bottom - top) / 4)))
        let overlap = Overlap(cells: drawn.map { laidOut[$0].cells(columns: cellColumns, rows: cellRows) })
        let translucent = drawn.count > 1
        var dashes = 0
        for (index, s) in series.enumerated() {
            let color = s.color ?? Palette.color(colorIndex)
            if s.color == nil && s.style != .contour { colorIndex += 1 }
            let trace = laidOut[index]
            // A line drawn over one it coincides with is dashed, so the one below shows through.
            let dash = drawn.firstIndex(of: index).map(overlap.coversEarlier) == true
                ? Self.dashPatterns[dashes % Self.dashPatterns.count] : nil
            if dash != nil { dashes += 1 }
            draw(s, trace, color: color, dash: dash, translucent: translucent, in: &svg, plot)
            if s.style != .contour {
                traces.append((trace, color))
                if !s.name.isEmpty {
                    legend.append(LegendEntry(name: s.name, color: color, sign: s.style == .points ? .dot : .line, dash: dash))
                }
            }
        }
        for m in markers {
            let color = m.color ?? "#b22222"
            draw(m, color: color, in: &svg, plot)
            let sign: LegendEntry.Sign = if case .vertical = m.position { .dashed } else { .ring }
            legend.append(LegendEntry(name: m.label, color: color, sign: sign))
        }
        svg.add("</g>")
        for (k, m) in markers.enumerated() { drawLabel(m, color: m.color ?? "#b22222", label: labels[k], in: &svg, plot) }
        // Outside the clip: the marks sit on the plot's edge and would be cut in half.
        for (trace, color) in traces { drawExits(trace, color: color, in: &svg, plot) }
        for note in overlap.notes(names: drawn.map { series[$0].name }) {
            legend.append(LegendEntry(name: note, color: "#333333", sign: .coincide))
        }
        for note in ClipSummary(traces.map(\.trace)).notes(yAxis: yAxis) {
            let sign: LegendEntry.Sign = switch note.why {
            case .above: .above
            case .below: .below
            case .nonFinite: .cross
            }
            legend.append(LegendEntry(name: note.text, color: "#333333", sign: sign))
        }
        svg.add(#"<rect x="\#(f(left))" y="\#(f(top))" width="\#(f(right - left))" height="\#(f(bottom - top))" fill="none" stroke="rgb(51,51,51)" stroke-width="1"/>"#)
        drawTickLabels(&svg, plot)
        if !xLabel.isEmpty { svg.text(xLabel, x: (left + right) / 2, y: Double(height) - 12, size: 13, anchor: "middle") }
        if !yLabel.isEmpty {
            svg.add(#"<text x="0" y="0" transform="translate(16 \#(f((top + bottom) / 2))) rotate(-90)" font-size="13" text-anchor="middle" fill="rgb(34,34,34)">\#(escape(yLabel))</text>"#)
        }
        drawLegend(legend, &svg, plot)
        return svg.finished()
    }

    private func drawGrid(_ svg: inout SVGDocument, _ plot: PlotArea) {
        for tick in plot.x.ticks {
            guard let x = plot.px(tick.value) else { continue }
            let major = tick.label != nil || plot.x.scale == .linear
            svg.add(#"<line x1="\#(f(x))" y1="\#(f(plot.top))" x2="\#(f(x))" y2="\#(f(plot.bottom))" stroke="\#(major ? "rgb(221,221,221)" : "rgb(240,240,240)")" stroke-width="1"/>"#)
            svg.add(#"<line x1="\#(f(x))" y1="\#(f(plot.bottom))" x2="\#(f(x))" y2="\#(f(plot.bottom + (major ? 5 : 3)))" stroke="rgb(51,51,51)" stroke-width="1"/>"#)
        }
        for tick in plot.y.ticks {
            guard let y = plot.py(tick.value) else { continue }
            let major = tick.label != nil || plot.y.scale == .linear
            svg.add(#"<line x1="\#(f(plot.left))" y1="\#(f(y))" x2="\#(f(plot.right))" y2="\#(f(y))" stroke="\#(major ? "rgb(221,221,221)" : "rgb(240,240,240)")" stroke-width="1"/>"#)
            svg.add(#"<line x1="\#(f(plot.left - (major ? 5 : 3)))" y1="\#(f(y))" x2="\#(f(plot.left))" y2="\#(f(y))" stroke="rgb(51,51,51)" stroke-width="1"/>"#)
        }
    }

    private func drawTickLabels(_ svg: inout SVGDocument, _ plot: PlotArea) {
        for tick in plot.x.ticks {
            guard let label = tick.label, let x = plot.px(tick.value) else { continue }
            svg.text(label, x: x, y: plot.bottom + 18, size: 11, anchor: "middle", cssClass: "xtick")
        }
        for tick in plot.y.ticks {
            guard let label = tick.label, let y = plot.py(tick.value) else { continue }
            svg.text(label, x: plot.left - 8, y: y + 4, size: 11, anchor: "end", cssClass: "ytick")
        }
    }

    private func draw(
        _ s: Series, _ trace: Trace, color: String, dash: String?, translucent: Bool, in svg: inout SVGDocument, _ plot: PlotArea
    ) {
        var path = ""
        for piece in trace.pieces {
            // A lone point is a segment of length zero, which the round line cap shows as a dot.
            for (k, p) in (piece.count == 1 ? piece + piece : piece).enumerated() {
                path += (k == 0 ? "M" : "L") + f(plot.x(p.x)) + " " + f(plot.y(p.y))
            }
        }
        let dots = trace.dots.map { (plot.x($0.x), plot.y($0.y)) }
        let name = escape(s.name)
        switch s.style {
        case .line, .lineAndPoints:
            if !path.isEmpty {
                let style = (dash.map { #" stroke-dasharray="\#($0)""# } ?? "") + (translucent ? #" stroke-opacity="0.85""# : "")
                svg.add(#"<path class="series" data-name="\#(name)" d="\#(path)" fill="none" stroke="\#(color)" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"\#(style)/>"#)
            }
        case .contour:
            if !path.isEmpty {
                svg.add(#"<path class="contour" data-name="\#(name)" d="\#(path)" fill="none" stroke="\#(color)" stroke-width="1" opacity="0.8"/>"#)
            }
        case .points:
            break
        }
        if s.style == .points || s.style == .lineAndPoints {
            let radius = s.style == .points ? 2.5 : 3
            // A long path keeps about 60 dots, evenly spaced, so the line stays visible.
            let every = s.style == .lineAndPoints ? max(1, dots.count / 60) : 1
            let circles = stride(from: 0, to: dots.count, by: every).map { dots[$0] }.map { #"<circle cx="\#(f($0.0))" cy="\#(f($0.1))" r="\#(radius)"/>"# }.joined()
            svg.add(#"<g class="points" data-name="\#(name)" fill="\#(color)" stroke="white" stroke-width="0.5">\#(circles)</g>"#)
        }
    }

    /// A small triangle on the edge where a series left the plot, pointing the way it went, or a
    /// cross where it became NaN or infinite.
    private func drawExits(_ trace: Trace, color: String, in svg: inout SVGDocument, _ plot: PlotArea) {
        for exit in trace.exits {
            let (x, y) = (plot.x(exit.at.x), plot.y(exit.at.y))
            switch exit.why {
            case .above:
                svg.add(#"<path class="exit-above" d="M\#(f(x - 5)) \#(f(y + 1))L\#(f(x + 5)) \#(f(y + 1))L\#(f(x)) \#(f(y - 8))Z" fill="\#(color)" stroke="white" stroke-width="0.5"/>"#)
            case .below:
                svg.add(#"<path class="exit-below" d="M\#(f(x - 5)) \#(f(y - 1))L\#(f(x + 5)) \#(f(y - 1))L\#(f(x)) \#(f(y + 8))Z" fill="\#(color)" stroke="white" stroke-width="0.5"/>"#)
            case .nonFinite:
                svg.add(#"<path class="exit-nonfinite" d="M\#(f(x - 4)) \#(f(y - 4))L\#(f(x + 4)) \#(f(y + 4))M\#(f(x - 4)) \#(f(y + 4))L\#(f(x + 4)) \#(f(y - 4))" stroke="\#(color)" stroke-width="2.5" fill="none"/>"#)
            }
        }
    }

    /// A vertical marker's label above the plot, in its row, starting (or ending) at its line's x.
    /// Drawn outside the plot's clip.
    private func drawLabel(_ m: Marker, color: String, label: MarkerLabel?, in svg: inout SVGDocument, _ plot: PlotArea) {
        guard case let .vertical(x) = m.position, let label, plot.px(x) != nil else { return }
        let baseline = plot.top - 5 - Self.labelRowHeight * Double(label.row)
        svg.text(m.label, x: label.x, y: baseline, size: 11, anchor: label.anchor, fill: color, cssClass: "marker-label")
    }

    private func draw(_ m: Marker, color: String, in svg: inout SVGDocument, _ plot: PlotArea) {
        switch m.position {
        case let .vertical(x):
            guard let px = plot.px(x) else { return }
            svg.add(#"<line class="marker" x1="\#(f(px))" y1="\#(f(plot.top))" x2="\#(f(px))" y2="\#(f(plot.bottom))" stroke="\#(color)" stroke-width="1.5" stroke-dasharray="6 4"/>"#)

        case let .point(x, y):
            guard let px = plot.px(x), let py = plot.py(y) else { return }
            svg.add(#"<circle class="marker" cx="\#(f(px))" cy="\#(f(py))" r="6" fill="none" stroke="\#(color)" stroke-width="2"/>"#)
            let anchor = px > (plot.left + plot.right) / 2 ? "end" : "start"
            svg.text(m.label, x: px + (anchor == "end" ? -9 : 9), y: py - 8, size: 11, anchor: anchor, fill: color)
        }
    }

    private func drawLegend(
        _ entries: [LegendEntry], _ svg: inout SVGDocument,
        _ plot: PlotArea
    ) {
        // A lone series needs no legend, unless something is clipped or marked.
        guard entries.count > 1 || (entries.count == 1 && !markers.isEmpty) else { return }
        let longest = entries.map(\.name.count).max() ?? 0
        let boxWidth = Double(36 + 7 * longest)
        let boxHeight = Double(8 + 18 * entries.count)
        let x0 = plot.right - boxWidth - 8
        let y0 = plot.top + 8
        svg.add(#"<g class="legend"><rect x="\#(f(x0))" y="\#(f(y0))" width="\#(f(boxWidth))" height="\#(f(boxHeight))" fill="white" fill-opacity="0.85" stroke="silver"/>"#)
        for (k, entry) in entries.enumerated() {
            let y = y0 + 16 + 18 * Double(k)
            switch entry.sign {
            case .dot:
                svg.add(#"<circle cx="\#(f(x0 + 17))" cy="\#(f(y - 4))" r="3" fill="\#(entry.color)"/>"#)
            case .ring:
                svg.add(#"<circle cx="\#(f(x0 + 17))" cy="\#(f(y - 4))" r="4" fill="none" stroke="\#(entry.color)" stroke-width="1.5"/>"#)
            case .above, .below:
                let (tip, base) = entry.sign == .above ? (y - 9, y + 1.0) : (y + 1, y - 9.0)
                svg.add(#"<path d="M\#(f(x0 + 12)) \#(f(base))L\#(f(x0 + 22)) \#(f(base))L\#(f(x0 + 17)) \#(f(tip))Z" fill="\#(entry.color)"/>"#)
            case .cross:
                svg.add(#"<path d="M\#(f(x0 + 13)) \#(f(y - 8))L\#(f(x0 + 21)) \#(f(y))M\#(f(x0 + 13)) \#(f(y))L\#(f(x0 + 21)) \#(f(y - 8))" stroke="\#(entry.color)" stroke-width="2" fill="none"/>"#)
            case .coincide:
                svg.text("≈", x: x0 + 17, y: y, size: 13, anchor: "middle", fill: entry.color)
            case .line, .dashed:
                let dash = entry.sign == .dashed ? #" stroke-dasharray="4 3""# : entry.dash.map { #" stroke-dasharray="\#($0)""# } ?? ""
                svg.add(#"<line x1="\#(f(x0 + 8))" y1="\#(f(y - 4))" x2="\#(f(x0 + 26))" y2="\#(f(y - 4))" stroke="\#(entry.color)" stroke-width="2"\#(dash)/>"#)
            }
            svg.text(entry.name, x: x0 + 31, y: y, size: 11, anchor: "start")
        }
        svg.add("</g>")
    }
}

/// One line of the legend.
struct LegendEntry {
    enum Sign { case line, dashed, dot, ring, above, below, cross, coincide }
    let name: String
    let color: String
    let sign: Sign
    /// The line's dash pattern, when it is dashed.
    var dash: String? = nil
}

/// Where a vertical marker's label goes: a row above the plot (0 nearest it), and the text's
/// anchor point.
struct MarkerLabel: Equatable {
    let row: Int
    let x: Double
    let anchor: String
}

extension Chart {
    /// The height of one row of marker labels above the plot.
    static let labelRowHeight = 14.0
    /// Dash patterns for lines drawn over lines they coincide with, in turn.
    static let dashPatterns = ["7 4", "2 3", "10 3 2 3"]
    /// A generous width per character of 11-pixel sans-serif text, so estimated boxes do not touch.
    static let labelCharacterWidth = 6.6

    /// A row and position above the plot for each vertical marker's label (nil for other markers
    /// and for lines off the axis), so that no two labels overlap: each starts at its line (or
    /// ends there, near the right edge) in the lowest row with room, and none is wider than the plot.
    static func placeMarkerLabels(_ markers: [Marker], x axis: Axis, left: Double, right: Double) -> [MarkerLabel?] {
        var placed: [(row: Int, from: Double, to: Double)] = []
        var result: [MarkerLabel?] = []
        for m in markers {
            guard case let .vertical(x) = m.position, let fraction = axis.fraction(x), (0...1).contains(fraction) else {
                result.append(nil)
                continue
            }
            let px = left + fraction * (right - left)
            let width = min(Double(m.label.count) * labelCharacterWidth, right - left)
            // Starting at the line, else ending at it, else shifted to fit inside the plot's width.
            let candidates: [(from: Double, anchor: String)] = [(px - 2, "start"), (px + 2 - width, "end")]
            var chosen: MarkerLabel?
            for row in 0..<max(markers.count, 1) {
                for (from, anchor) in candidates {
                    let start = min(max(from, left), right - width)
                    let end = start + width
                    guard !placed.contains(where: { $0.row == row && $0.from < end + 6 && start < $0.to + 6 }) else { continue }
                    placed.append((row, start, end))
                    chosen = MarkerLabel(row: row, x: anchor == "start" ? start : end, anchor: anchor)
                    break
                }
                if chosen != nil { break }
            }
            result.append(chosen)
        }
        return result
    }
}

/// The plot rectangle in pixels and the axes it maps.
struct PlotArea {
    let left, right, top, bottom: Double
    let x, y: Axis

    /// The x pixel of a value on the axis; nil when it is off the axis or cannot be shown.
    func px(_ value: Double) -> Double? { x.fraction(value).flatMap { (0...1).contains($0) ? self.x($0) : nil } }
    /// The y pixel of a value on the axis; nil when it is off the axis or cannot be shown.
    func py(_ value: Double) -> Double? { y.fraction(value).flatMap { (0...1).contains($0) ? self.y($0) : nil } }
    /// The x pixel of a plot fraction (0 left, 1 right).
    func x(_ fraction: Double) -> Double { left + fraction * (right - left) }
    /// The y pixel of a plot fraction (0 bottom, 1 top).
    func y(_ fraction: Double) -> Double { bottom - fraction * (bottom - top) }
}

/// An SVG document being assembled line by line.
struct SVGDocument {
    private var lines: [String]

    init(width: Int, height: Int) {
        lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(width)" height="\#(height)" viewBox="0 0 \#(width) \#(height)" font-family="sans-serif">"#,
        ]
    }

    mutating func add(_ element: String) { lines.append(element) }

    mutating func text(
        _ content: String, x: Double, y: Double, size: Int, anchor: String, weight: String = "normal",
        fill: String = "#222", cssClass: String? = nil
    ) {
        let classAttribute = cssClass.map { #" class="\#($0)""# } ?? ""
        lines.append(#"<text\#(classAttribute) x="\#(f(x))" y="\#(f(y))" font-size="\#(size)" font-weight="\#(weight)" text-anchor="\#(anchor)" fill="\#(fill)">\#(escape(content))</text>"#)
    }

    func finished() -> String { (lines + ["</svg>", ""]).joined(separator: "\n") }
}

/// A coordinate with at most two decimals. Coordinates come from clipped fractions, so the bound
/// (far beyond any document) only keeps the conversion to Int safe; non-finite values write 0.
func f(_ value: Double) -> String {
    let bounded = value.isFinite ? min(max(value, -1e9), 1e9) : 0
    let rounded = (bounded * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}

/// Text escaped for XML.
func escape(_ text: String) -> String {
    var out = ""
    for c in text {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.append(c)
        }
    }
    return out
}

