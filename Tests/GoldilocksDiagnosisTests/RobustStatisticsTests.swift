@testable import GoldilocksDiagnosis
import Testing

@Test func medianOfOddAndEvenCounts() {
    #expect(RobustStatistics.median([3, 1, 2]) == 2)
    #expect(RobustStatistics.median([4, 1, 3, 2]) == 2.5)
    #expect(RobustStatistics.median([Double]()).isNaN)
}

@Test func scaledMADIgnoresAnOutlier() {
    // median 3, deviations [2,1,0,1,997] → median 1 → 1.4826.
    #expect(RobustStatistics.scaledMAD([1, 2, 3, 4, 1000]) == 1.4826)
}

@Test func theilSenFindsTheLineThroughOutliers() {
    let x = (0..<10).map(Double.init)
    var y = x.map { 2 * $0 + 1 }
    y[3] = 100
    #expect(RobustStatistics.theilSenSlope(x: x, y: y) == 2)
    #expect(RobustStatistics.theilSenSlope(x: [1], y: [5]) == 0)
}
