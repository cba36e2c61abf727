import GoldilocksTraining

/// The demo's loss curves as a terminal chart (drawn by GoldilocksPlots once it lands).
func demoChart(_ runs: [GradientDescentDemo.Run]) -> String { "" }
