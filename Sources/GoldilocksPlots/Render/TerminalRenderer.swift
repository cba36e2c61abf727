extension Chart {
    /// The symbols that tell series apart in a terminal, in order.
    public static let terminalSymbols: [Character] = ["•", "×", "+", "◦", "▪", "◆", "▲", "○", "#", "@"]

    /// The chart as Unicode text `width` columns wide (default: the terminal's width) with a plot
    /// `height` rows high: y tick labels on the left, x ticks below, one symbol per series (a line
    /// joins consecutive points, breaking at gaps), `┆` for vertical markers, `◎` for point markers,
    /// and a legend. Contour series are drawn with `·`, at most four of them.
    public func terminal(width: Int? = nil, height: Int = 16) -> String {
        let totalWidth = max(width ?? TerminalSize.columns(), 24)
        let rows = max(height, 4)
        var (xAxis, yAxis) = axes(xTicks: max(3, totalWidth / 14), yTicks: max(3, rows / 4))
        yAxis.ticks = yAxis.ticks.filter { $0.label != nil }
        xAxis.ticks = xAxis.ticks.filter { $0.label != nil }
        let gutter = max(yAxis.ticks.compactMap(\.label).map(\.count).max() ?? 1, 1)
        let columns = totalWidth - gutter - 1
        var grid = Array(repeating: Array(repeating: Character(" "), count: columns), count: rows)
        func cell(_ x: Double, _ y: Double) -> (row: Int, column: Int)? {
            guard let fx = xAxis.fraction(x), let fy = yAxis.fraction(y) else { return nil }
            return (Int(((1 - fy) * Double(rows - 1)).rounded()), Int((fx * Double(columns - 1)).rounded()))
        }
        func put(_ r: Int, _ c: Int, _ symbol: Character, over: Bool = true) {
            guard (0..<rows).contains(r), (0..<columns).contains(c) else { return }
            if over || grid[r][c] == " " { grid[r][c] = symbol }
        }

        for m in markers {
            if case let .vertical(x) = m.position, let c = cell(x, yAxis.lower)?.column {
                for r in 0..<rows { put(r, c, "┆") }
            }
        }
        var legend: [String] = []
        var symbolIndex = 0
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
            var previous: (row: Int, column: Int)?
            for (x, y) in s.points {
                guard let here = cell(x, y) else {
                    previous = nil
                    continue
                }
                if s.style != .points, let from = previous {
                    let steps = max(abs(here.row - from.row), abs(here.column - from.column))
                    for k in 1..<max(steps, 1) {
                        let t = Double(k) / Double(steps)
                        put(Int((Double(from.row) + t * Double(here.row - from.row)).rounded()),
                            Int((Double(from.column) + t * Double(here.column - from.column)).rounded()), symbol)
                    }
                }
                put(here.row, here.column, symbol)
                previous = here
            }
        }
        for m in markers {
            if case let .point(x, y) = m.position, let at = cell(x, y) { put(at.row, at.column, "◎") }
            let sign = if case .vertical = m.position { "┆" } else { "◎" }
            legend.append("\(sign) \(m.label)")
        }

        var lines: [String] = []
        if !title.isEmpty { lines.append(centered(title, in: totalWidth)) }
        if !yLabel.isEmpty { lines.append(String(repeating: " ", count: gutter) + " " + yLabel) }
        var labelOfRow: [Int: String] = [:]
        for tick in yAxis.ticks {
            guard let label = tick.label, let f = yAxis.fraction(tick.value) else { continue }
            labelOfRow[Int(((1 - f) * Double(rows - 1)).rounded())] = label
        }
        for r in 0..<rows {
            let label = labelOfRow[r] ?? ""
            lines.append(String(repeating: " ", count: gutter - label.count) + label + (labelOfRow[r] == nil ? "│" : "┤") + String(grid[r]))
        }
        var axisLine = Array(repeating: Character("─"), count: columns)
        var tickLine = Array(repeating: Character(" "), count: columns + gutter + 1)
        var nextFree = 0
        for tick in xAxis.ticks {
            guard let label = tick.label, let f = xAxis.fraction(tick.value) else { continue }
            let c = Int((f * Double(columns - 1)).rounded())
            axisLine[c] = "┬"
            let start = min(max(gutter + 1 + c - label.count / 2, nextFree), tickLine.count - label.count)
            guard start >= nextFree else { continue }
            for (k, ch) in label.enumerated() { tickLine[start + k] = ch }
            nextFree = start + label.count + 1
        }
        lines.append(String(repeating: " ", count: gutter) + "└" + String(axisLine))
        lines.append(String(tickLine))
        if !xLabel.isEmpty { lines.append(centered(xLabel, in: totalWidth)) }
        if !legend.isEmpty { lines += wrap(legend, width: totalWidth) }
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n") + "\n"
    }

    private func centered(_ text: String, in width: Int) -> String {
        String(repeating: " ", count: max(0, (width - text.count) / 2)) + text
    }

    private func wrap(_ entries: [String], width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for entry in entries {
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
