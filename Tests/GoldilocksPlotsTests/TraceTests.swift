import Testing
@testable import GoldilocksPlots

private let unit = (x: Axis(scale: .linear, lower: 0, upper: 10), y: Axis(scale: .linear, lower: 0, upper: 10))

@Test func aSegmentLeavingThePlotIsCutAtTheEdge() throws {
    let (a, b) = try #require(Trace.clip(.init(x: 0.2, y: 0.5), .init(x: 0.4, y: 1.5)))
    #expect(a == .init(x: 0.2, y: 0.5))
    // Half-way in y is the top edge: x = 0.2 + 0.5 · 0.2.
    #expect(abs(b.x - 0.3) < 1e-12 && b.y == 1)
}

@Test func aSegmentPassingOutsideThePlotIsNotDrawn() {
    #expect(Trace.clip(.init(x: 0.2, y: 1.5), .init(x: 0.4, y: 2)) == nil)
    #expect(Trace.clip(.init(x: -1, y: 0.5), .init(x: -0.5, y: 0.5)) == nil)
}

@Test func aSegmentCrossingThePlotIsCutAtBothEdges() throws {
    let (a, b) = try #require(Trace.clip(.init(x: 0.5, y: 1e12), .init(x: 0.5, y: -1e12)))
    #expect(a == .init(x: 0.5, y: 1) && b == .init(x: 0.5, y: 0))
}

@Test func aRunThatRisesOffTheChartEndsWithOneMarkAtTheEdge() {
    let trace = Trace(Series(name: "", y: [5, 6, 20, 1e12, 1e300, 3e5]), x: unit.x, y: unit.y, connected: true)
    #expect(trace.exits.count == 1)
    #expect(trace.exits.first?.why == .above && trace.exits.first?.at.y == 1)
    // The line from 6 at step 1 to 20 at step 2 meets 10 two-sevenths of the way.
    let crossing: Double = (1 + 4.0 / 14) / 10
    #expect(abs((trace.exits.first?.at.x ?? 0) - crossing) < 1e-12)
    #expect(trace.above == 4 && trace.below == 0 && trace.nonFinite == 0)
}

@Test func aRunThatBecomesNaNEndsWithTheNonFiniteMarkAtItsLastPoint() {
    let trace = Trace(Series(name: "", y: [5, 6, .nan, .infinity, .nan]), x: unit.x, y: unit.y, connected: true)
    #expect(trace.exits.map(\.why) == [.nonFinite])
    #expect(trace.exits.first?.at == .init(x: 0.1, y: 0.6))
    #expect(trace.nonFinite == 3)
    #expect(trace.pieces == [[.init(x: 0, y: 0.5), .init(x: 0.1, y: 0.6)]])
}

@Test func aRunThatComesBackIsDrawnFromTheEdgeAgain() {
    let trace = Trace(Series(name: "", y: [5, 1e10, 5]), x: unit.x, y: unit.y, connected: true)
    #expect(trace.pieces.count == 2)
    #expect(trace.pieces.last?.first?.y == 1 && trace.pieces.last?.last == .init(x: 0.2, y: 0.5))
    #expect(trace.exits.count == 1 && trace.above == 1)
}

@Test func pointsBelowTheRangeAreCountedAndMarkedOnce() {
    let trace = Trace(Series(name: "", y: [5, -3, -4, 5], style: .points), x: unit.x, y: unit.y, connected: false)
    #expect(trace.exits.map(\.why) == [.below])
    #expect(trace.exits.first?.at == .init(x: 0.1, y: 0))
    #expect(trace.below == 2 && trace.dots.count == 2)
}

@Test func valuesALogAxisCannotShowAreUnmarkedGaps() {
    let axis = Axis(scale: .log, lower: 1, upper: 100)
    let trace = Trace(Series(name: "", y: [10, 0, -1, 10]), x: unit.x, y: axis, connected: true)
    #expect(trace.exits.isEmpty && trace.above == 0 && trace.below == 0 && trace.nonFinite == 0)
    #expect(trace.pieces.count == 2)
}
