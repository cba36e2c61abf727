import GoldilocksTraining

/// The demo's loss curves as a terminal chart (drawn by GoldilocksPlots once it lands).
func demoChart(_ runs: [GradientDescentDemo.Run]) -> String { "" }

/// The loss curves of a comparison as a terminal chart (drawn by GoldilocksPlots once it lands).
func comparisonChart(_ runs: [ComparedRun]) -> String { "" }

/// The loss curves of a comparison as SVG (drawn by GoldilocksPlots once it lands).
func comparisonSVG(_ runs: [ComparedRun], title: String) -> String { "" }
