extension Chart {
    /// The symbols that tell series apart in a terminal, in order.
    public static let terminalSymbols: [Character] = ["•", "×", "+", "◦", "▪", "◆", "▲", "○", "#", "@"]

    /// The lines of vertical markers (suggestions, events), one per marker in order, so that
    /// neighbouring ones can be told apart; none of them is a series symbol.
    public static let terminalMarkerSymbols: [Character] = ["┆", "║", "┃", "¦", "╏"]

    /// The marks where a series leaves a terminal chart: above its range, below it, or into NaN or
    /// infinity. None of them is a series symbol.
    public static let terminalExitMarks: (above: Character, below: Character, nonFinite: Character) = ("↑", "↓", "⊗")

    /// The longest tick label kept as written; longer ones are shortened so the plot keeps its width.
    private static let longestTerminalLabel = 10

    /// The chart as Unicode text `width` columns wide (default: the terminal's width, at least 24)
    /// with a plot `height` rows high (at least 4): y tick labels on the left, x ticks below, one
    /// symbol per series (a line joins consecutive points, breaking at gaps), `┆` for vertical
    /// markers, `◎` for point markers, and a legend. Contour series are drawn with `·`, at most
    /// four of them.
    ///
    /// Values outside the axes are clipped: a line runs to the plot's edge and ends with `↑` (or
    /// `↓`) where it left, and with `⊗` where it became NaN or infinite; the legend counts what is
    /// not shown. Drawing costs what the plot's size costs, whatever the values.
    public func terminal(width: Int? = nil, height: Int = 16) -> String {
        let totalWidth = max(width ?? TerminalSize.columns(), 24)
        let rows = max(height, 4)
        var (xAxis, yAxis) = axes(xTicks: max(3, totalWidth / 14), yTicks: max(3, rows / 4))
        yAxis.ticks = yAxis.ticks.compactMap(Self.shortenedForTerminal)
        xAxis.ticks = xAxis.ticks.compactMap(Self.shortenedForTerminal)
        let gutter = max(yAxis.ticks.compactMap(\.label).map(\.count).max() ?? 1, 1)
        let columns = totalWidth - gutter - 1
        var grid = Array(repeating: Array(repeating: Character(" "), count: columns), count: rows)
        // Fractions are clamped first, so the conversions to Int are bounded whatever the data.
        func column(_ fx: Double) -> Int { Int((min(max(fx, 0), 1) * Double(columns - 1)).rounded()) }
        func row(_ fy: Double) -> Int { Int(((1 - min(max(fy, 0), 1)) * Double(rows - 1)).rounded()) }
        func put(_ r: Int, _ c: Int, _ symbol: Character, over: Bool = true) {
            guard (0..<rows).contains(r), (0..<columns).contains(c) else { return }
            if over || grid[r][c] == " " { grid[r][c] = symbol }
        }
        func onAxis(_ f: Double?) -> Double? { f.flatMap { (0...1).contains($0) ? $0 : nil } }

        var markerSymbols: [Character] = []
        var verticalCount = 0
        for m in markers {
            // Each vertical marker its own line, so rules at nearby rates can be told apart.
            let symbol: Character
            if case .vertical = m.position {
                symbol = Self.terminalMarkerSymbols[verticalCount % Self.terminalMarkerSymbols.count]
                verticalCount += 1
            } else {
                symbol = "◎"
            }
            markerSymbols.append(symbol)
            if case let .vertical(x) = m.position, let fx = onAxis(xAxis.fraction(x)) {
                for r in 0..<rows { put(r, column(fx), symbol) }
            }
        }
        var legend: [String] = []
        var symbolIndex = 0
        var traces: [Trace] = []
        var names: [String] = []
        var covered: [Set<Int>] = []
        // Character cells are coarse: at most four contour levels stay readable.
        let contours = series.indices.filter { series[$0].style == .contour }
        let keptContours = Set(stride(from: 0, to: contours.count, by: max(1, (contours.count + 3) / 4)).map { contours[$0] })
        for (index, s) in series.enumerated() where s.style != .contour || keptContours.contains(index) {
            let symbol: Character
            if s.style == .contour {
                symbol = "·"
            } else {
                symbol = Self.terminalSymbols[symbolIndex % Self.terminalSymbols.count]
                symbolIndex += 1
                if !s.name.isEmpty { legend.append("\(symbol) \(s.name)") }
            }
            let trace = Trace(s, x: xAxis, y: yAxis, connected: s.style != .points)
            let cells = trace.cells(columns: columns, rows: rows)
            for cell in cells { put(cell / columns, cell % columns, symbol) }
            if s.style != .contour {
                traces.append(trace)
                names.append(s.name.isEmpty ? "\(symbol)" : s.name)
                covered.append(cells)
            }
        }
        // Runs on the same cells: the later one would hide the earlier one.
        let overlap = Overlap(cells: covered)
        for cell in overlap.sharedCells { put(cell / columns, cell % columns, Overlap.terminalSymbol) }
        func mark(_ why: Trace.Exit) -> Character {
            switch why {
            case .above: Self.terminalExitMarks.above
            case .below: Self.terminalExitMarks.below
            case .nonFinite: Self.terminalExitMarks.nonFinite
            }
        }
        for trace in traces {
            for exit in trace.exits { put(row(exit.at.y), column(exit.at.x), mark(exit.why)) }
        }
        for (m, sign) in zip(markers, markerSymbols) {
            if case let .point(x, y) = m.position, let fx = onAxis(xAxis.fraction(x)), let fy = onAxis(yAxis.fraction(y)) {
                put(row(fy), column(fx), "◎")
            }
            legend.append("\(sign) \(m.label)")
        }
        let notes = overlap.notes(names: names).map { "\(Overlap.terminalSymbol) \($0)" }
            + ClipSummary(traces).notes(yAxis: yAxis).map { "\(mark($0.why)) \($0.text)" }

        var lines: [String] = []
        if !title.isEmpty { lines.append(centered(title, in: totalWidth)) }
        if !yLabel.isEmpty { lines.append(fitted(String(repeating: " ", count: gutter) + " " + yLabel, to: totalWidth)) }
        var labelOfRow: [Int: String] = [:]
        for tick in yAxis.ticks {
            guard let label = tick.label, let f = onAxis(yAxis.fraction(tick.value)) else { continue }
            labelOfRow[row(f)] = label
        }
        for r in 0..<rows {
            let label = labelOfRow[r] ?? ""
            lines.append(String(repeating: " ", count: gutter - label.count) + label + (labelOfRow[r] == nil ? "│" : "┤") + String(grid[r]))
        }
        var axisLine = Array(repeating: Character("─"), count: columns)
        var tickLine = Array(repeating: Character(" "), count: columns + gutter + 1)
        var nextFree = 0
        for tick in xAxis.ticks {
            guard let label = tick.label, let f = onAxis(xAxis.fraction(tick.value)) else { continue }
            let c = column(f)
            axisLine[c] = "┬"
            let start = min(max(gutter + 1 + c - label.count / 2, nextFree), tickLine.count - label.count)
            guard start >= nextFree else { continue }
            for (k, ch) in label.enumerated() { tickLine[start + k] = ch }
            nextFree = start + label.count + 1
        }
        lines.append(String(repeating: " ", count: gutter) + "└" + String(axisLine))
        lines.append(String(tickLine))
        if !xLabel.isEmpty { lines.append(centered(xLabel, in: totalWidth)) }
        lines += wrap(legend, width: totalWidth)
        lines += notes.map { fitted($0, to: totalWidth) }
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n") + "\n"
    }

    /// A tick whose label fits a terminal's gutter: long labels (a linear axis' many decimals) are
    /// rewritten in the short form, which is at most ten characters.
    private static func shortenedForTerminal(_ tick: Tick) -> Tick? {
        guard let label = tick.label else { return nil }
        return label.count <= longestTerminalLabel ? tick : Tick(value: tick.value, label: Ticks.shortLabel(tick.value))
    }

    /// `text` cut to `width` characters, ending with `…` when cut.
    private func fitted(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(width - 1, 0))) + "…"
    }

    private func centered(_ text: String, in width: Int) -> String {
        String(repeating: " ", count: max(0, (width - text.count) / 2)) + fitted(text, to: width)
    }

    private func wrap(_ entries: [String], width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for entry in entries.map({ fitted($0, to: width) }) {
            if !line.isEmpty && line.count + 3 + entry.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : "   ") + entry
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
