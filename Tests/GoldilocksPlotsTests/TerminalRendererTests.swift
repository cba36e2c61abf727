import Foundation
import Testing
@testable import GoldilocksPlots

@Test(arguments: [40, 80, 123])
func everyLineFitsTheWidth(width: Int) {
    for (_, chart) in Gallery.all {
        for line in chart.terminal(width: width, height: 12).split(separator: "\n") {
            #expect(line.count <= width, "\(line)")
        }
    }
}

@Test func seriesHaveDistinctSymbolsAndALegend() {
    let text = Gallery.comparison.terminal(width: 90, height: 14)
    #expect(text.contains("• lr=1e-3 (too small)"))
    #expect(text.contains("× lr=0.1 (just right)"))
    #expect(text.contains("+ lr=1.1 (too large)"))
    #expect(text.contains("×") && text.contains("+"))
}

@Test func theRangeTestHasLogTicksAndSuggestionLines() {
    let text = Gallery.rangeTest.terminal(width: 90, height: 12)
    #expect(text.contains("1e-7") && text.contains("1e-3") && text.contains("10"))
    #expect(text.contains("┆ valley 3.2e-4"))
    #expect(text.split(separator: "\n").filter { $0.contains("┆") }.count >= 12)
}

@Test func thePlotHasTheRequestedHeight() {
    let chart = Chart(series: [Series(name: "a", y: [1, 2, 3])])
    let rows = chart.terminal(width: 60, height: 10).split(separator: "\n").filter { $0.contains("│") || $0.contains("┤") }
    #expect(rows.count == 10)
}

@Test func aMonotoneSeriesClimbsFromBottomLeftToTopRight() {
    let chart = Chart(series: [Series(name: "", y: [0, 1, 2, 3, 4, 5])], xRange: 0...5, yRange: 0...5)
    let rows = chart.terminal(width: 40, height: 6).split(separator: "\n").filter { $0.contains("│") || $0.contains("┤") }
    let firstRow = String(rows.first ?? "")
    let lastRow = String(rows.last ?? "")
    #expect(firstRow.last == "•")
    #expect((lastRow.firstIndex(of: "•").map { lastRow.distance(from: lastRow.startIndex, to: $0) } ?? 99) < 5)
}

@Test func theWidthComesFromCOLUMNS() {
    #expect(TerminalSize.columns(environment: ["COLUMNS": "132"]) == 132)
    #expect(TerminalSize.columns(environment: ["COLUMNS": "junk"]) > 0)
}

/// A loss curve of `count` steps falling from 2.4 to 0.1, with `spikes` values put in.
private func lossCurve(count: Int = 1000, _ spikes: [Int: Double]) -> [(name: String, steps: [Int], loss: [Double])] {
    let loss = (0..<count).map { step -> Double in spikes[step] ?? 0.1 + 2.3 * exp(-Double(step) / 300) }
    return [("loss", Array(0..<count), loss)]
}

/// The plot's rows: those with the y axis' line.
private func plotRows(_ text: String) -> [Substring] {
    text.split(separator: "\n").filter { $0.contains("│") || $0.contains("┤") }
}

@Test func aLossOf1e20IsDrawnToTheTopEdgeAndMarkedInsteadOfTrapping() {
    let text = Figures.lossCurves(lossCurve([800: 1e20, 801: 1e20])).terminal(width: 80, height: 12)
    #expect(plotRows(text).first?.contains("↑") == true)
    #expect(text.contains("↑ 2 points above"))
}

@Test func anInfiniteLossEndsTheLineWithTheNonFiniteMark() {
    let curve = lossCurve(Dictionary(uniqueKeysWithValues: (800..<1000).map { ($0, Double.infinity) }))
    let text = Figures.lossCurves(curve).terminal(width: 80, height: 12)
    #expect(text.contains("⊗"))
    #expect(text.contains("⊗ 200 values NaN or infinite: the line ends"))
}

@Test(arguments: [1e10, 1e12, 1e300, Double.greatestFiniteMagnitude])
func aSingleSpikeIn10000StepsDrawsInUnderASecondWhateverItsHeight(spike: Double) {
    let start = ContinuousClock.now
    let text = Figures.lossCurves(lossCurve(count: 10_000, [5_000: spike])).terminal(width: 120, height: 20)
    // About 80 ms in a debug build; the bound leaves room for a busy machine, and the hang it
    // guards against took minutes.
    #expect(ContinuousClock.now - start < .seconds(1))
    #expect(text.contains("↑ 1 point above"))
    #expect(plotRows(text).count == 20)
}

@Test func aSpikeOnAnExplicitLinearAxisStillDrawsInBoundedTime() {
    // No clipping: the axis stretches to the spike, and the fall back down crosses every row once.
    let chart = Chart(series: [Series(name: "loss", y: (0..<10_000).map { $0 == 5_000 ? 1e12 : 1 })])
    let start = ContinuousClock.now
    _ = chart.terminal(width: 200, height: 40)
    #expect(ContinuousClock.now - start < .seconds(1))
}

@Test func aLearningRateOf1Point7e308GetsAxisTicksInsteadOfTrapping() {
    let chart = Figures.learningRateSchedule([("lr", Array(0..<5), Array(repeating: 1.7e308, count: 5))])
    let text = chart.terminal(width: 80, height: 10)
    #expect(text.contains("1.7e308") || text.contains("1.8e308") || text.contains("1.6e308"))
    #expect(plotRows(text).count == 10)
}

@Test func aDivergedTrainingRunEndsItsChartWithAMarkNotATrap() {
    // train --lr 1e9: a loss that explodes, overflows and turns NaN, on the log axis train asks for.
    let loss = [2.3, 40, 1e9, 1e30, 1e300, .infinity, .nan, .nan]
    let text = Figures.lossCurves([("loss", Array(loss.indices), loss)], logY: true).terminal(width: 80, height: 12)
    #expect(text.contains("↑"))
    #expect(text.contains("not shown"))
}

@Test func longLabelsAndTitlesAreCutToTheWidth() {
    let chart = Chart(
        title: String(repeating: "t", count: 200), yLabel: String(repeating: "y", count: 200),
        series: [Series(name: String(repeating: "s", count: 200), y: [1, 1.000_000_000_1])])
    for line in chart.terminal(width: 30, height: 6).split(separator: "\n") { #expect(line.count <= 30, "\(line)") }
}
