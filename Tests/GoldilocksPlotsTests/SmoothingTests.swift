import Foundation
import Testing
import TestSupport
@testable import GoldilocksPlots

@Test func aConstantSeriesStaysExactlyConstant() {
    let lr = Series(name: "lr", y: Array(repeating: 0.1, count: 1000))
    #expect(lr.smoothed(weight: 0.99).y == lr.y)
}

@Test func smoothingIsTheDebiasedMovingAverage() {
    let values = [1.0, 3, 2, 5, 4]
    let w = 0.6
    var m = 0.0
    let expected = values.enumerated().map { n, v in
        m = w * m + (1 - w) * v
        return m / (1 - pow(w, Double(n + 1)))
    }
    expectClose(Series(name: "", y: values).smoothed(weight: w).y, expected, rtol: 1e-12)
}

@Test func gapsStayGapsAndAreSkipped() {
    let smoothed = Series(name: "", y: [1, .nan, 1, .infinity, 1]).smoothed(weight: 0.9).y
    #expect(smoothed[1].isNaN && smoothed[3] == .infinity)
    #expect(smoothed[0] == 1 && smoothed[2] == 1 && smoothed[4] == 1)
}

@Test func weightZeroChangesNothing() {
    let series = Series(name: "", y: [3, 1, 2])
    #expect(series.smoothed(weight: 0).y == series.y)
}
