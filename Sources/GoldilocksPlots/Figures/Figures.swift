/// Ready-made charts for what Goldilocks shows: loss curves, schedules, range tests, learning-rate
/// comparisons and loss landscapes. Each returns a `Chart`; call `.svg()` or `.terminal()` on it.
public enum Figures {
    /// Loss per step for one or several runs, with optional event markers (e.g. a guard's rescue:
    /// `.vertical(at: 420, label: "rescue: lr ÷10")`).
    ///
    /// Diverged runs are clipped at twice the largest starting loss (on a log axis, twice its
    /// height in decades above the lowest loss) so the others stay readable; the renderers draw
    /// them to the edge and mark where they left. `logY` shows the loss on a log axis; nil chooses
    /// one when every loss is > 0 and the curves on the chart span more than three decades.
    public static func lossCurves(
        _ runs: [(name: String, steps: [Int], loss: [Double])], events: [Marker] = [], logY: Bool? = nil,
        title: String = "Training loss"
    ) -> Chart {
        let series = runs.map { Series(name: $0.name, x: $0.steps.map(Double.init), y: $0.loss) }
        let axis = LossAxis(runs.map(\.loss), scale: logY.map { $0 ? .log : .linear })
        return Chart(
            title: title, xLabel: "step", yLabel: "loss", yScale: axis.scale, series: series, markers: events,
            yRange: axis.range)
    }

    /// The learning rate against the step, for one or several schedules; `logY` for schedules that
    /// span decades (warmup from 0 reads better on a linear axis). nil chooses: log when every rate
    /// is > 0 and the largest is over 100 times the smallest.
    public static func learningRateSchedule(
        _ schedules: [(name: String, steps: [Int], learningRates: [Double])], logY: Bool? = nil,
        title: String = "Learning-rate schedule"
    ) -> Chart {
        let rates = schedules.flatMap(\.learningRates).filter(\.isFinite)
        let spansDecades = (rates.min() ?? 0) > 0 && (rates.max() ?? 0) / (rates.min() ?? 1) > 100
        return Chart(
            title: title, xLabel: "step", yLabel: "learning rate", yScale: logY ?? spansDecades ? .log : .linear,
            series: schedules.map { Series(name: $0.name, x: $0.steps.map(Double.init), y: $0.learningRates) })
    }

    /// The range test: loss against learning rate on a true log axis, with a dashed line at each
    /// suggestion (`("valley", 3.2e-3)`); rules that suggest the same rate share one line,
    /// labelled "steep = steepest 2.8e-2".
    ///
    /// The loss axis is clipped at twice the starting loss, as the explosion at the end would flatten
    /// everything else; the renderers mark where the curve leaves it.
    public static func rangeTest(
        learningRates: [Double], losses: [Double], suggestions: [(name: String, learningRate: Double)] = [],
        title: String = "Learning-rate range test"
    ) -> Chart {
        // Rules that pick the same rate (steep and steepest often do) share one line and label.
        var merged: [(names: [String], learningRate: Double)] = []
        for s in suggestions {
            if let k = merged.firstIndex(where: { $0.learningRate == s.learningRate }) {
                merged[k].names.append(s.name)
            } else {
                merged.append(([s.name], s.learningRate))
            }
        }
        let markers = merged.enumerated().map { k, s in
            Marker.vertical(
                at: s.learningRate, label: "\(s.names.joined(separator: " = ")) \(Ticks.shortLabel(s.learningRate))",
                color: Palette.color(k + 1))
        }
        return Chart(
            title: title, xLabel: "learning rate (log)", yLabel: "loss", xScale: .log,
            series: [Series(name: "loss", x: learningRates, y: losses)], markers: markers,
            yRange: LossAxis([losses], scale: .linear).range)
    }

    /// The same training at several learning rates, side by side: loss per step, one line per
    /// learning rate, named `lr=0.1` (plus the verdict when given). The loss axis is chosen and
    /// clipped as in `lossCurves`.
    public static func learningRateComparison(
        _ runs: [(learningRate: Double, steps: [Int], loss: [Double], verdict: String?)], logY: Bool? = nil,
        title: String = "Comparing learning rates"
    ) -> Chart {
        lossCurves(
            runs.map { run in
                let name = "lr=\(Ticks.shortLabel(run.learningRate))" + (run.verdict.map { " (\($0))" } ?? "")
                return (name, run.steps, run.loss)
            }, logY: logY, title: title)
    }

    /// A 2-D loss landscape `f(x, y)` as contour lines (marching squares on a grid, levels at
    /// quantiles of the values so flat valleys get lines too), with optimizer paths drawn over it.
    public static func lossLandscape(
        _ f: (Double, Double) -> Double, x: ClosedRange<Double>, y: ClosedRange<Double>,
        paths: [(name: String, points: [(x: Double, y: Double)])] = [], levels: Int = 14, resolution: Int = 90,
        title: String = "Loss landscape"
    ) -> Chart {
        let grid = Contours.grid(f, x: x, y: y, resolution: resolution)
        let values = Contours.levels(grid.values, count: levels)
        let lines = Contours.lines(xs: grid.xs, ys: grid.ys, values: grid.values, levels: values)
        var series: [Series] = lines.enumerated().map { k, level in
            var xs: [Double] = []
            var ys: [Double] = []
            for segment in level.segments {
                xs += [segment.from.x, segment.to.x, .nan]
                ys += [segment.from.y, segment.to.y, .nan]
            }
            let t = values.count > 1 ? Double(k) / Double(values.count - 1) : 0
            return Series(
                name: "f = \(Ticks.shortLabel(level.value))", x: xs, y: ys, style: .contour,
                color: Palette.sequential(t))
        }
        // Paths take the strong colours, skipping the blue that the low contours resemble.
        for (k, path) in paths.enumerated() {
            series.append(Series(
                name: path.name, x: path.points.map(\.x), y: path.points.map(\.y), style: .lineAndPoints,
                color: Palette.color(k + 1)))
        }
        let markers = paths.compactMap { path in
            path.points.first.map { Marker.point(x: $0.x, y: $0.y, label: "start", color: "#444444") }
        }
        return Chart(
            title: title, xLabel: "x", yLabel: "y", series: series, markers: Array(markers.prefix(1)),
            xRange: x, yRange: y)
    }
}
