import Foundation
import Testing
@testable import GoldilocksPlots

@Test func anOrdinaryLossCurveStaysOnALinearAxisThatFitsIt() {
    let axis = LossAxis([(0..<100).map { 0.1 + 2.2 * exp(-Double($0) / 20) }])
    #expect(axis.scale == .linear && axis.range == nil)
}

@Test func aLossSpanningMoreThanThreeDecadesGetsALogAxis() {
    let axis = LossAxis([(0..<100).map { 2.3 * pow(1e-5, Double($0) / 99) }])
    #expect(axis.scale == .log && axis.range == nil)
}

@Test func aLossWithAZeroOrNegativeValueStaysLinear() {
    #expect(LossAxis([[2.3, 1e-3, 1e-5, 0]]).scale == .linear)
}

@Test func aSpikeIsClippedAtTwiceTheStartOnALinearAxis() {
    let axis = LossAxis([[2.3, 1.5, 1e10, 1, 0.5]])
    #expect(axis.scale == .linear)
    #expect(axis.range == 0.5...4.6)
}

@Test func aRunThatOnlyClimbsIsClippedToo() {
    #expect(LossAxis([[2, 3, 1e9, 1e30]], scale: .linear).range == 2...4)
    // A decade above the start on a log axis.
    #expect(LossAxis([[2, 3, 1e9, 1e30]], scale: .log).range.map { abs($0.upperBound - 20) < 1e-12 } == true)
}

@Test func negativeLossesGetRoomAboveTheStart() {
    // Lowest −1, start 2: the top is 2 + 3.
    #expect(LossAxis([[2, -1, 1e9]]).range == -1...5)
}

@Test func aDivergedRunIsClippedAtTwiceItsDecadesOnALogAxis() throws {
    // Lowest 0.01, start 1: two decades down, so the top is two decades up, at 100.
    let axis = LossAxis([[1, 0.1, 0.01], [1, 10, 1e6, 1e20, .infinity]], scale: .log)
    let range = try #require(axis.range)
    #expect(abs(range.upperBound - 100) < 1e-9 && range.lowerBound == 0.01)
}

@Test func theCallersScaleIsKept() {
    let curve = (0..<100).map { 2.3 * pow(1e-5, Double($0) / 99) }
    #expect(LossAxis([curve], scale: .linear).scale == .linear)
    #expect(LossAxis([[2, 1.5, 1]], scale: .log).scale == .log)
}

@Test func aTopThatWouldOverflowIsNotAClip() {
    #expect(LossAxis([[1e308, -1.7e308, 1.7e308]]).range == nil)
    #expect(LossAxis([[1e300, 1e-300, 1e308]], scale: .log).range == nil)
}
