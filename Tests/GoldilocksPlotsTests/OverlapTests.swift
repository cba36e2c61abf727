import Foundation
import Testing
@testable import GoldilocksPlots

/// Two runs at chance (a rate too small to move, one that blew up and fell back) and one that learns,
/// as `compare --data digits --lrs 0.00001,0.001,0.5` draws them.
private func runsAtChance() -> Chart {
    let steps = Array(0..<200)
    let slow = steps.map { 2.30 + 0.005 * sin(Double($0)) }
    let wild = steps.map { $0 == 3 ? 250 : 2.31 + 0.01 * cos(Double($0)) }
    let good = steps.map { 2.3 * exp(-Double($0) / 50) }
    return Figures.learningRateComparison([(1e-5, steps, slow, nil), (1e-3, steps, good, nil), (0.5, steps, wild, nil)])
}

@Test func runsThatCoincideAreFoundAndOnlyThose() {
    let a: Set<Int> = [1, 2, 3, 4]
    #expect(Overlap(cells: [a, a, [9, 10, 11]]).pairs.map { [$0.first, $0.second] } == [[0, 1]])
    // Crossing once is not coinciding.
    #expect(Overlap(cells: [a, [4, 5, 6, 7]]).pairs.isEmpty)
}

@Test func theSVGDashesALineDrawnOverOneItCoincidesWithAndSaysSo() throws {
    let svg = runsAtChance().svg()
    let paths = try #require(SVGElements.parse(svg)).all("path", class: "series")
    #expect(paths.count == 3)
    // The first two do not coincide (one learns); the third covers the first and is dashed.
    #expect(paths[0].attributes["stroke-dasharray"] == nil)
    #expect(paths[1].attributes["stroke-dasharray"] == nil)
    #expect(paths[2].attributes["stroke-dasharray"] != nil)
    #expect(paths.allSatisfy { $0.attributes["stroke-opacity"] == "0.85" })
    #expect(svg.contains("lr=1e-5 and lr=0.5 coincide"))
}

@Test func theTerminalMarksCoincidingCellsAndSaysSo() {
    let text = runsAtChance().terminal(width: 80, height: 14)
    #expect(text.contains(Overlap.terminalSymbol))
    #expect(text.contains("≈ lr=1e-5 and lr=0.5 coincide"))
    // The run that learns keeps its own symbol.
    #expect(text.contains("×"))
}

@Test func aLoneLineIsNeitherDashedNorTranslucent() throws {
    let chart = Chart(series: [Series(name: "loss", y: [3, 2, 1])])
    let path = try #require(SVGElements.parse(chart.svg())?.all("path", class: "series").first)
    #expect(path.attributes["stroke-dasharray"] == nil && path.attributes["stroke-opacity"] == nil)
}

@Test func rulesThatPickTheSameRateShareOneMarker() {
    let chart = Figures.rangeTest(
        learningRates: [1e-5, 1e-4, 1e-3, 1e-2, 1e-1], losses: [2.3, 2.2, 1.5, 1.0, 3],
        suggestions: [("valley", 1e-3), ("steep", 1e-2), ("minimum", 1e-3 / 2), ("steepest", 1e-2)])
    #expect(chart.markers.map(\.label) == ["valley 1e-3", "steep = steepest 0.01", "minimum 5e-4"])
}

@Test func eachSuggestionHasItsOwnTerminalGlyph() {
    let chart = Figures.rangeTest(
        learningRates: (0..<60).map { 1e-6 * pow(10, Double($0) / 10) }, losses: (0..<60).map { 2 + sin(Double($0) / 9) },
        suggestions: [("valley", 1e-4), ("steep", 1e-3), ("minimum", 1e-2), ("slide", 1e-5), ("steepest", 1e-1)])
    let text = chart.terminal(width: 100, height: 12)
    for (glyph, name) in zip(Chart.terminalMarkerSymbols, ["valley", "steep", "minimum", "slide", "steepest"]) {
        #expect(text.contains("\(glyph) \(name) "), "\(name) is not listed with \(glyph)")
        #expect(text.split(separator: "\n").filter { $0.contains(glyph) }.count >= 12, "\(name)'s line")
    }
    #expect(Set(Chart.terminalMarkerSymbols).isDisjoint(with: Chart.terminalSymbols))
}

@Test(arguments: [300, 720, 1200])
func markerLabelsAboveThePlotNeverOverlap(width: Int) throws {
    // Five rules crowded into one decade, the usual case.
    let chart = Figures.rangeTest(
        learningRates: (0..<60).map { 1e-6 * pow(10, Double($0) / 10) }, losses: (0..<60).map { 2 + sin(Double($0) / 9) },
        suggestions: [("slide", 3.3e-4), ("valley", 2.1e-3), ("minimum", 6.9e-3), ("steep", 2.8e-2), ("steepest", 3e-2)])
    let svg = chart.svg(width: width, height: 440)
    let labels = try #require(SVGElements.parse(svg)).all("text", class: "marker-label")
    #expect(labels.count == 5)
    let boxes = labels.map { label -> (y: String, from: Double, to: Double) in
        let x = Double(label.attributes["x"] ?? "") ?? 0
        let w = Double(label.text.count) * Chart.labelCharacterWidth
        let from = label.attributes["text-anchor"] == "end" ? x - w : x
        return (label.attributes["y"] ?? "", from, from + w)
    }
    for (i, a) in boxes.enumerated() {
        for b in boxes[(i + 1)...] where a.y == b.y {
            #expect(a.to <= b.from || b.to <= a.from, "labels overlap at y \(a.y)")
        }
        #expect(a.from >= 0 && a.to <= Double(width))
    }
    // Above the plot: the plot's frame starts below every label.
    let frameTop = try #require(SVGElements.parse(svg)?.all("rect").compactMap { Double($0.attributes["y"] ?? "") }.max())
    #expect(labels.allSatisfy { (Double($0.attributes["y"] ?? "") ?? .infinity) < frameTop })
}
