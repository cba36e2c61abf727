import Foundation
@testable import GoldilocksPlots

/// Sample figures shared by the tests and the gallery export.
enum Gallery {
    static let steps = Array(0..<200)

    static func loss(_ lr: Double, _ step: Int) -> Double {
        let s = Double(step)
        if lr >= 1 { return step > 60 ? .nan : 2.3 * exp(s / 12) }  // diverges, then NaN
        return 0.1 + 2.2 * exp(-s * lr * 3) + 0.03 * sin(s)
    }

    static var lossCurves: Chart {
        Figures.lossCurves(
            [("run a", steps, steps.map { loss(0.1, $0) }), ("run b", steps, steps.map { loss(0.02, $0) })],
            events: [.vertical(at: 120, label: "guard: lr ÷10")])
    }

    static var schedule: Chart {
        let lrs = steps.map { s in s < 20 ? 0.1 * Double(s) / 20 : 0.05 * (1 + cos(Double.pi * Double(s - 20) / 180)) }
        return Figures.learningRateSchedule([("warmup + cosine", steps, lrs)])
    }

    static var rangeTest: Chart {
        let lrs = (0..<100).map { 1e-7 * pow(1e8, Double($0) / 99) }
        let losses = lrs.map { lr in 2.3 - 1.8 / (1 + exp(-3 * (log10(lr) + 3.5))) + (lr > 0.3 ? 40 * (lr - 0.3) : 0) }
        return Figures.rangeTest(learningRates: lrs, losses: losses, suggestions: [("valley", 3.2e-4), ("steep", 1e-4)])
    }

    static var comparison: Chart { comparison(logY: false) }

    static func comparison(logY: Bool) -> Chart {
        Figures.learningRateComparison([
            (0.001, steps, steps.map { loss(0.001, $0) }, "too small"),
            (0.1, steps, steps.map { loss(0.1, $0) }, "just right"),
            (1.1, steps, steps.map { loss(1.1, $0) }, "too large"),
        ], logY: logY)
    }

    static func rosenbrock(_ x: Double, _ y: Double) -> Double { (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }

    static var landscape: Chart {
        var path: [(x: Double, y: Double)] = [(-1.5, 2)]
        var (x, y) = (-1.5, 2.0)
        for _ in 0..<2000 {
            let gx = -2 * (1 - x) - 400 * x * (y - x * x)
            let gy = 200 * (y - x * x)
            x -= 0.0015 * gx
            y -= 0.0015 * gy
            path.append((x, y))
        }
        return Figures.lossLandscape(rosenbrock, x: -2...2, y: -1...3, paths: [("SGD lr=1.5e-3", path)], title: "Rosenbrock")
    }

    static var all: [(String, Chart)] {
        [("loss-curves", lossCurves), ("schedule", schedule), ("range-test", rangeTest), ("comparison", comparison), ("comparison-log", comparison(logY: true)),
         ("landscape", landscape)]
    }
}
