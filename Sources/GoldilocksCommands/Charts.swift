import GoldilocksPlots
import GoldilocksTraining

/// The demo's three loss curves on a log axis (a run that explodes leaves the chart).
func demoChart(_ runs: [GradientDescentDemo.Run]) -> String {
    var chart = Figures.lossCurves(
        runs.map { run in ("lr=\(formatted(run.learningRate))", Array(run.losses.indices), run.losses) }, logY: true,
        title: "Loss x² per epoch")
    chart.xLabel = "epoch"
    return chart.terminal()
}

/// The loss curves of a comparison, one line per learning rate.
func comparisonFigure(_ runs: [ComparedRun], title: String) -> Chart {
    Figures.learningRateComparison(
        runs.map { run in (run.learningRate, Array(run.losses.indices), run.losses, run.stoppedEarly == nil ? nil : "diverged") },
        logY: runs.allSatisfy { $0.losses.allSatisfy { !$0.isFinite || $0 > 0 } }, title: title)
}
