import Foundation
import Testing
import TestSupport
@testable import GoldilocksPlots

@Test(arguments: Gallery.all.map(\.0))
func everyFigureIsWellFormedSelfContainedSVG(name: String) throws {
    let chart = try #require(Gallery.all.first { $0.0 == name }?.1)
    let svg = chart.svg()
    let parsed = try #require(SVGElements.parse(svg), "not well-formed XML")
    #expect(parsed.elements.first?.name == "svg")
    #expect(parsed.elements.first?.attributes["xmlns"] == "http://www.w3.org/2000/svg")
    #expect(!svg.contains("<script") && !svg.contains("@import") && !svg.contains("href"))
    #expect(parsed.all("text").contains { $0.text == chart.title })
}

@Test func aNaNBreaksTheLineIntoTwoPieces() throws {
    let chart = Chart(series: [Series(name: "loss", y: [3, 2, .nan, 1.5, 1])])
    let paths = try #require(SVGElements.parse(chart.svg())).all("path", class: "series")
    #expect(paths.count == 1)
    let d = paths[0].attributes["d"] ?? ""
    #expect(d.filter { $0 == "M" }.count == 2)
    #expect(d.filter { $0 == "L" }.count == 2)
}

@Test func valuesAtOrBelowZeroLeaveGapsOnALogAxis() throws {
    let chart = Chart(yScale: .log, series: [Series(name: "lr", y: [0, 1e-3, 1e-2, 0, 1e-1])])
    let d = try #require(SVGElements.parse(chart.svg())).all("path", class: "series")[0].attributes["d"] ?? ""
    #expect(d.filter { $0 == "M" }.count == 2)
}

@Test func logXTickLabelsAreEvenlySpacedDecades() throws {
    let chart = Figures.rangeTest(
        learningRates: (0...60).map { 1e-6 * pow(10, Double($0) / 10) }, losses: Array(repeating: 1, count: 61))
    let labels = try #require(SVGElements.parse(chart.svg())).all("text", class: "xtick")
    #expect(labels.map(\.text) == ["1e-6", "1e-5", "1e-4", "1e-3", "0.01", "0.1", "1"])
    let xs = labels.compactMap { $0.attributes["x"].flatMap(Double.init) }
    let gaps = zip(xs, xs.dropFirst()).map { $1 - $0 }
    for gap in gaps { expectClose(gap, gaps[0], atol: 0.02) }
}

@Test func linearYTicksOfAKnownRangeAreLabelled() throws {
    let chart = Chart(series: [Series(name: "loss", x: [0, 100], y: [0.13, 2.31])])
    let labels = try #require(SVGElements.parse(chart.svg(width: 720, height: 440))).all("text", class: "ytick")
    #expect(labels.map(\.text) == ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5"])
}

@Test func severalSeriesGetDistinctColoursAndALegend() throws {
    let parsed = try #require(SVGElements.parse(Gallery.comparison.svg()))
    let colours = parsed.all("path", class: "series").compactMap { $0.attributes["stroke"] }
    #expect(colours.count == 3 && Set(colours).count == 3)
    let legend = try #require(parsed.all("g", class: "legend").first)
    _ = legend
    #expect(parsed.all("text").contains { $0.text == "lr=1.1 (too large)" })
}

@Test func markersAreDrawnAndLabelled() throws {
    let parsed = try #require(SVGElements.parse(Gallery.rangeTest.svg()))
    #expect(parsed.all("line", class: "marker").count == 2)
    #expect(parsed.all("text").contains { $0.text == "valley 3.2e-4" })
}

@Test func textIsEscaped() throws {
    let chart = Chart(title: "a < b & \"c\"", series: [Series(name: "x<y", y: [1, 2])])
    let parsed = try #require(SVGElements.parse(chart.svg()))
    #expect(parsed.all("text").contains { $0.text == "a < b & \"c\"" })
}

@Test func theLandscapeHasContoursAndThePathOverThem() throws {
    let parsed = try #require(SVGElements.parse(Gallery.landscape.svg()))
    #expect(parsed.all("path", class: "contour").count >= 10)
    #expect(parsed.all("path", class: "series").count == 1)
    #expect(parsed.all("circle", class: "marker").count == 1)
}

@Test func aLossOf1e20IsMarkedWithATriangleAtTheTopAndNotedInTheLegend() throws {
    let loss = (0..<100).map { $0 >= 80 ? 1e20 : 0.1 + 2.3 * exp(-Double($0) / 30) }
    let svg = Figures.lossCurves([("loss", Array(loss.indices), loss)]).svg()
    let parsed = try #require(SVGElements.parse(svg))
    #expect(parsed.all("path", class: "exit-above").count == 1)
    #expect(parsed.all("text").contains { $0.text.hasPrefix("20 points above") && $0.text.hasSuffix("not shown") })
    #expect(!svg.lowercased().contains("nan") && !svg.contains("inf"))
}

@Test func aRunThatBecomesNaNEndsWithACross() throws {
    let chart = Chart(series: [Series(name: "a", y: [3, 2, 1, .nan, .nan]), Series(name: "b", y: [3, 2, 1, 0.5, 0.2])])
    let parsed = try #require(SVGElements.parse(chart.svg()))
    #expect(parsed.all("path", class: "exit-nonfinite").count == 1)
    #expect(parsed.all("text").contains { $0.text.hasSuffix("NaN or infinite: the line ends") })
}

@Test func huge1e300ValuesOnAGivenRangeStayInsideTheDocument() throws {
    let chart = Chart(series: [Series(name: "x", x: [0, 1, 2], y: [1e300, -1e300, 1])], xRange: 0...2, yRange: 0...2)
    let parsed = try #require(SVGElements.parse(chart.svg()))
    let d = try #require(parsed.all("path", class: "series").first?.attributes["d"])
    #expect(SVGCoordinates.numbers(in: d).allSatisfy { $0.isFinite && abs($0) < 1000 })
    #expect(parsed.all("path", class: "exit-above").count == 1)
    #expect(parsed.all("path", class: "exit-below").count == 1)
}

@Test func aSingle1e12SpikeIn10000StepsWritesAnSVGInUnderASecondWithEveryCoordinateInside() throws {
    let loss = (0..<10_000).map { $0 == 5_000 ? 1e12 : 0.1 + 2.3 * exp(-Double($0) / 300) }
    let start = ContinuousClock.now
    let svg = Figures.lossCurves([("loss", Array(loss.indices), loss)]).svg()
    // About 80 ms in a debug build.
    #expect(ContinuousClock.now - start < .seconds(1))
    let d = try #require(SVGElements.parse(svg)?.all("path", class: "series").first?.attributes["d"])
    #expect(SVGCoordinates.numbers(in: d).allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 720 })
}
