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
        let top = title.isEmpty ? 20.0 : 42.0
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
        for s in series {
            let color = s.color ?? Palette.color(colorIndex)
            if s.color == nil && s.style != .contour { colorIndex += 1 }
            let trace = Trace(s, x: xAxis, y: yAxis, connected: s.style != .points)
            draw(s, trace, color: color, in: &svg, plot)
            if s.style != .contour {
                traces.append((trace, color))
                if !s.name.isEmpty { legend.append(LegendEntry(name: s.name, color: color, sign: s.style == .points ? .dot : .line)) }
            }
        }
        for (k, m) in markers.enumerated() {
            let color = m.color ?? "#b22222"
            draw(m, color: color, labelRow: k, in: &svg, plot)
            let sign: LegendEntry.Sign = if case .vertical = m.position { .dashed } else { .ring }
            legend.append(LegendEntry(name: m.label, color: color, sign: sign))
        }
        svg.add("</g>")
        // Outside the clip: the marks sit on the plot's edge and would be cut in half.
        for (trace, color) in traces { drawExits(trace, color: color, in: &svg, plot) }
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

    private func draw(_ s: Series, _ trace: Trace, color: String, in svg: inout SVGDocument, _ plot: PlotArea) {
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
                svg.add(#"<path class="series" data-name="\#(name)" d="\#(path)" fill="none" stroke="\#(color)" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"/>"#)
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

    private func draw(_ m: Marker, color: String, labelRow: Int, in svg: inout SVGDocument, _ plot: PlotArea) {
        switch m.position {
        case let .vertical(x):
            guard let px = plot.px(x) else { return }
            svg.add(#"<line class="marker" x1="\#(f(px))" y1="\#(f(plot.top))" x2="\#(f(px))" y2="\#(f(plot.bottom))" stroke="\#(color)" stroke-width="1.5" stroke-dasharray="6 4"/>"#)
            let anchor = px > (plot.left + plot.right) / 2 ? "end" : "start"
            svg.text(m.label, x: px + (anchor == "end" ? -4 : 4), y: plot.top + 14 + 14 * Double(labelRow), size: 11, anchor: anchor, fill: color)
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
            case .line, .dashed:
                let dash = entry.sign == .dashed ? #" stroke-dasharray="4 3""# : ""
                svg.add(#"<line x1="\#(f(x0 + 8))" y1="\#(f(y - 4))" x2="\#(f(x0 + 26))" y2="\#(f(y - 4))" stroke="\#(entry.color)" stroke-width="2"\#(dash)/>"#)
            }
            svg.text(entry.name, x: x0 + 31, y: y, size: 11, anchor: "start")
        }
        svg.add("</g>")
    }
}

/// One line of the legend.
struct LegendEntry {
    enum Sign { case line, dashed, dot, ring, above, below, cross }
    let name: String
    let color: String
    let sign: Sign
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

