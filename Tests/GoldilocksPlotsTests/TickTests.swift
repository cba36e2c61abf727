import Foundation
import Testing
import TestSupport
@testable import GoldilocksPlots

@Test(arguments: [
    (0.0, 1.0, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0], ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
    (0.0, 200.0, [0.0, 50, 100, 150, 200], ["0", "50", "100", "150", "200"]),
    (0.13, 2.31, [0.0, 0.5, 1.0, 1.5, 2.0, 2.5], ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5"]),
    (-3.0, 7.0, [-4.0, -2, 0, 2, 4, 6, 8], ["-4", "-2", "0", "2", "4", "6", "8"]),
])
func linearTicksAreNiceAndEncloseTheRange(lower: Double, upper: Double, values: [Double], labels: [String]) {
    let ticks = Ticks.linear(lower, upper, count: 6)
    expectClose(ticks.map(\.value), values, rtol: 1e-12, atol: 1e-12)
    #expect(ticks.map(\.label) == labels)
}

@Test func aConstantRangeStillGetsTicks() {
    let ticks = Ticks.linear(3, 3)
    #expect(ticks.count >= 2)
    #expect(ticks.first!.value < 3 && ticks.last!.value > 3)
}

@Test func logTicksAreDecadesLabelledLikeLearningRates() {
    let ticks = Ticks.log(1e-7, 10)
    let labelled = ticks.filter { $0.label != nil }
    #expect(labelled.map(\.label) == ["1e-7", "1e-5", "1e-3", "0.1", "10"])
    expectClose(ticks.map(\.value), (-7...1).map { pow(10, Double($0)) }, rtol: 1e-12)
}

@Test func bigDecadesAreWrittenOut() {
    #expect(Ticks.log(1, 5000).compactMap(\.label) == ["1", "10", "100", "1000", "1e4"])
}

@Test func narrowLogRangesGetLabelledTwosAndFivesAndMinorTicks() {
    let ticks = Ticks.log(2e-3, 0.08)
    #expect(ticks.first?.value == 1e-3)
    expectClose(ticks.last?.value ?? 0, 0.1, rtol: 1e-12)
    #expect(ticks.compactMap(\.label) == ["1e-3", "2e-3", "5e-3", "0.01", "0.02", "0.05", "0.1"])
    #expect(ticks.count == 2 * 8 + 3)
}

@Test func logAxisPlacesDecadesEvenlyAndTwoAtLog10Of2() throws {
    let axis = Axis(scale: .log, lower: 1e-4, upper: 1)
    for (k, exponent) in (-4...0).enumerated() {
        expectClose(try #require(axis.fraction(pow(10, Double(exponent)))), Double(k) / 4, atol: 1e-12)
    }
    expectClose(try #require(axis.fraction(2e-4)), log10(2) / 4, atol: 1e-12)
    #expect(axis.fraction(0) == nil && axis.fraction(-1) == nil && axis.fraction(.nan) == nil)
}

@Test func shortLabelsAreReadable() {
    #expect(Ticks.shortLabel(3.2e-4) == "3.2e-4")
    #expect(Ticks.shortLabel(0.02) == "0.02")
    #expect(Ticks.shortLabel(1e-3) == "1e-3")
    #expect(Ticks.shortLabel(250) == "250")
    #expect(Ticks.shortLabel(1000) == "1000")
    #expect(Ticks.shortLabel(12345) == "12345")
    #expect(Ticks.shortLabel(1.5e6) == "1.5e6")
}

@Test(arguments: [
    (0.0, 1.7e308), (-1.7e308, 1.7e308), (-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude),
    (1e-300, 1e300), (1.7e308, 1.7e308), (5e-324, 5e-324), (5e-324, 1e-323), (-1e300, -1e299),
    (1, 1 + 2.2e-16), (1e17, 1e17 + 16), (Double.nan, 1), (-Double.infinity, Double.infinity),
] as [(Double, Double)])
func linearTicksOfExtremeRangesAreFewFiniteAndIncreasing(lower: Double, upper: Double) {
    let ticks = Ticks.linear(lower, upper, count: 6)
    #expect(ticks.count >= 1 && ticks.count <= Ticks.maximumLinearTicks)
    #expect(ticks.allSatisfy { $0.value.isFinite && $0.label != nil })
    #expect(zip(ticks, ticks.dropFirst()).allSatisfy { $0.value < $1.value })
}

@Test func aRangeUpToTheLargestDoubleEndsWithTheLastNiceTickThatExists() {
    let ticks = Ticks.linear(0, 1.7e308)
    #expect(ticks.first?.value == 0)
    #expect(ticks.last.map { $0.value <= 1.7e308 && $0.value >= 1.5e308 } == true)
    let axis = Axis(scale: .linear, lower: 0, upper: 1.7e308)
    #expect(axis.upper == 1.7e308 && axis.fraction(1.7e308) == 1)
}

@Test func aLinearAxisAskedForManyTicksGetsAtMostADozen() {
    #expect(Ticks.linear(0, 1, count: 500).count <= Ticks.maximumLinearTicks)
}

@Test func theWholeRangeOfDoubleOnALogAxisLabelsAtMostADozenDecades() {
    let ticks = Ticks.log(Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude)
    #expect(ticks.compactMap(\.label).count <= Ticks.maximumLogLabels)
    #expect(ticks.allSatisfy { $0.value.isFinite && $0.value > 0 })
    #expect(ticks.count <= Ticks.maximumLogLabels)
}

@Test func logTicksOfBoundsAtOrBelowZeroAreStillDecades() {
    // 0 cannot be shown: the range is the one decade from 100.
    #expect(Ticks.log(0, 100).compactMap(\.label) == ["100", "200", "500", "1000"])
    #expect(Ticks.log(-1, .nan).map(\.value).contains(1))
}

@Test func anAxisOfOneValuePlacesItInsideAndOfNothingIsStillAnAxis() throws {
    for (scale, value) in [(Scale.linear, 1.7e308), (.log, 1.7e308), (.linear, 5e-324), (.log, 5e-324), (.linear, -1e308)] {
        let axis = Axis(scale: scale, lower: value, upper: value)
        let f = try #require(axis.fraction(value))
        #expect(f >= 0 && f <= 1, "\(scale) \(value)")
    }
    let empty = Axis(scale: .linear, lower: .nan, upper: .infinity)
    #expect(empty.lower < empty.upper)
}

@Test func theMiddleOfTheWidestLinearAxisIsHalfWay() throws {
    let axis = Axis(scale: .linear, lower: -1e308, upper: 1e308)
    expectClose(try #require(axis.fraction(0)), (0 - axis.lower) / 2 / (axis.upper / 2 - axis.lower / 2), atol: 1e-12)
    #expect(try #require(axis.fraction(-1e308)) >= 0)
}
