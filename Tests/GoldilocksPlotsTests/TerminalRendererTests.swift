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
