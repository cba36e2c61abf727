import Testing
import TestSupport
@testable import GoldilocksPlots

@Test func contourPointsOfAParaboloidLieOnItsCircle() {
    let grid = Contours.grid({ x, y in x * x + y * y }, x: -2...2, y: -2...2, resolution: 81)
    let levels = Contours.lines(xs: grid.xs, ys: grid.ys, values: grid.values, levels: [1])
    let segments = levels[0].segments
    #expect(segments.count > 50)
    for s in segments {
        for p in [s.from, s.to] {
            // Linear interpolation on a 0.05 grid misses the circle by at most about 1e-3.
            expectClose((p.x * p.x + p.y * p.y).squareRoot(), 1, atol: 2e-3)
        }
    }
}

@Test func aLevelOutsideTheValuesHasNoLines() {
    let grid = Contours.grid({ x, y in x + y }, x: 0...1, y: 0...1, resolution: 10)
    #expect(Contours.lines(xs: grid.xs, ys: grid.ys, values: grid.values, levels: [5])[0].segments.isEmpty)
}

@Test func cellsWithNonFiniteCornersAreSkipped() {
    let values: [[Double]] = [[0, 2], [.nan, 2]]
    #expect(Contours.lines(xs: [0, 1], ys: [0, 1], values: values, levels: [1])[0].segments.isEmpty)
}

@Test func aSaddleCellGetsTwoSegments() {
    let values: [[Double]] = [[1, 0], [0, 1]]
    #expect(Contours.lines(xs: [0, 1], ys: [0, 1], values: values, levels: [0.5])[0].segments.count == 2)
}

@Test func levelsAreIncreasingAndWithinTheValues() {
    let grid = Contours.grid(Gallery.rosenbrock, x: -2...2, y: -1...3, resolution: 40)
    let levels = Contours.levels(grid.values, count: 12)
    #expect(levels.count == 12)
    #expect(zip(levels, levels.dropFirst()).allSatisfy { $0 < $1 })
    #expect(levels.first! >= 0 && levels.last! <= grid.values.flatMap { $0 }.max()!)
}

@Test func aGridOverTheWidestRangeHasFiniteSamples() {
    let grid = Contours.grid({ x, y in x + y }, x: -1e308...1e308, y: -1e308...1e308, resolution: 5)
    #expect(grid.xs.allSatisfy(\.isFinite) && grid.ys.allSatisfy(\.isFinite))
    #expect(grid.xs.first == -1e308 && grid.xs[2] == 0)
}
