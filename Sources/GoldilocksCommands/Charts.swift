import Foundation
import GoldilocksLandscapes
import GoldilocksDiagnosis
import GoldilocksPlots
import GoldilocksTraining

/// The demo's loss curves on a log axis, one per learning rate.
func demoFigure(_ runs: [GradientDescentDemo.Run]) -> Chart {
    var chart = Figures.lossCurves(
        runs.map { run in ("lr=\(formatted(run.learningRate))", Array(run.losses.indices), run.losses) }, logY: true,
        title: "Loss x² per epoch")
    chart.xLabel = "epoch"
    return chart
}

/// The demo's loss curves as a terminal chart.
func demoChart(_ runs: [GradientDescentDemo.Run]) -> String { demoFigure(runs).terminal() }

/// The loss curves of a comparison, one line per learning rate.
func comparisonFigure(_ runs: [ComparedRun], title: String) -> Chart {
    let logY = runs.allSatisfy { $0.losses.allSatisfy { !$0.isFinite || $0 > 0 } }
    if runs.contains(where: { $0.name != nil }) {
        return Figures.lossCurves(
            runs.map { ($0.name ?? "", Array($0.losses.indices), $0.losses) }, logY: logY, title: title)
    }
    return Figures.learningRateComparison(
        runs.map { run in
            (run.learningRate, Array(run.losses.indices), run.losses,
             run.diagnosis.map { $0.verdict.rawValue.replacingOccurrences(of: "_", with: " ") } ?? (run.stoppedEarly == nil ? nil : "diverged"))
        },
        logY: logY, title: title)
}

/// An optimizer's path over a 2-D function's contour lines (framed around the path and the
/// minima), or its loss curve for other dimensions.
func trajectoryFigure(_ trajectory: Trajectory, on landscape: any Landscape, name: String) -> Chart {
    guard landscape.dimension == 2, !trajectory.rows.isEmpty else {
        return Figures.lossCurves([(name, trajectory.rows.map(\.step), trajectory.rows.map(\.loss))], logY: true)
    }
    let points = trajectory.rows.map(\.position) + landscape.minima
    func padded(_ values: [Double]) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return -1...1 }
        // Halved: high − low overflows for a path that ran off towards ±1e308.
        let margin = max((high / 2 - low / 2) * 0.3, 0.5)
        let top = Double.greatestFiniteMagnitude
        return max(low - margin, -top)...min(high + margin, top)
    }
    return Figures.lossLandscape(
        { x, y in landscape.value(at: [x, y]) }, x: padded(points.map { $0[0] }), y: padded(points.map { $0[1] }),
        paths: [("path", trajectory.rows.map { (x: $0.position[0], y: $0.position[1]) })], title: name)
}

/// A run's loss per step, with a marker at each of the guard's rescues.
func trainingFigure(_ history: History, title: String) -> Chart {
    let rescues = history.restores.map { Marker.vertical(at: Double($0.step), label: "rescue: lr ×\(formatted($0.factor))") }
    return Figures.lossCurves(
        [("loss", history.steps.map(\.step), history.steps.map(\.loss))], events: rescues,
        logY: history.steps.allSatisfy { !$0.loss.isFinite || $0.loss > 0 }, title: title)
}
