import GoldilocksLandscapes
import GoldilocksPlots

/// The playground's charts, drawn by GoldilocksPlots from the runs so far.
enum PlaygroundFigures {
    /// Loss per step, one line per learning rate named with its verdict once known; a log axis
    /// unless `logY` is false or a loss is not positive.
    static func loss(_ runs: [PlaygroundRun], logY: Bool, title: String) -> Chart {
        let positive = runs.allSatisfy { $0.losses.allSatisfy { !$0.isFinite || $0 > 0 } }
        var chart = Figures.learningRateComparison(
            runs.map { ($0.learningRate, $0.steps, $0.losses, $0.label) }, logY: logY && positive, title: title)
        // The landscape's paths take the palette from its second colour (clear of the blue
        // contours); the loss lines match them, so a run has one colour everywhere.
        for k in chart.series.indices { chart.series[k].color = Palette.color(k + 1) }
        chart.markers = runs.enumerated().flatMap { index, run in
            run.rescues.map { Marker.vertical(at: Double($0), label: "rescue lr=\(Ticks.shortLabel(run.learningRate))", color: Palette.color(index + 1)) }
        }
        return chart
    }

    /// The paths of the runs over the contour lines of a 2-D function, framed around the start and
    /// the minima (fixed for the whole run, so the picture does not jump as paths grow; a path
    /// that leaves the frame is marked where it left).
    static func landscape(_ runs: [PlaygroundRun], function: LandscapeFunction, start: [Double]) -> Chart? {
        guard start.count == 2, let landscape = try? function.landscape(dimension: 2) else { return nil }
        let points = [start] + landscape.minima
        func frame(_ values: [Double]) -> ClosedRange<Double> {
            let low = values.min() ?? -1
            let high = values.max() ?? 1
            let margin = max((high - low) * 0.35, 1)
            return (low - margin)...(high + margin)
        }
        let paths = runs.map { run in
            (name: "lr=\(Ticks.shortLabel(run.learningRate))", points: run.path.map { (x: $0[0], y: $0[1]) })
        }
        return Figures.lossLandscape(
            { x, y in landscape.value(at: [x, y]) }, x: frame(points.map { $0[0] }), y: frame(points.map { $0[1] }),
            paths: paths, resolution: 70, title: "\(function.rawValue): paths over the contour lines")
    }
}
