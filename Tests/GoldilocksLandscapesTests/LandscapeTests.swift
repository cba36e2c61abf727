import GoldilocksLandscapes
import Testing
import TestSupport

@Suite struct LandscapeTests {
    static let landscapes: [any Landscape] = [Quadratic(dimension: 3), Rosenbrock(), Beale(), Himmelblau(), Booth()]
    static let points: [[Double]] = [[0.3, -1.2, 2.0], [-1.2, 1.0, 0.5], [2.5, 0.7, -0.4], [-3.1, -2.2, 1.1]]

    @Test(arguments: landscapes.indices)
    func gradientsMatchCentralFiniteDifferences(index: Int) {
        let landscape = Self.landscapes[index]
        for point in Self.points {
            let x = Array(point.prefix(landscape.dimension))
            let gradient = landscape.gradient(at: x)
            for i in x.indices {
                let h = 1e-6 * max(1, abs(x[i]))
                var up = x, down = x
                up[i] += h
                down[i] -= h
                let estimate = (landscape.value(at: up) - landscape.value(at: down)) / (2 * h)
                // Central differences err by O(h²·f‴) plus rounding O(ε·f/h): 1e-6 relative, 1e-4 absolute.
                expectClose(gradient[i], estimate, rtol: 1e-6, atol: 1e-4, "\(type(of: landscape)) ∂/∂x\(i) at \(x)")
            }
        }
    }

    @Test(arguments: landscapes.indices)
    func theKnownMinimaHaveValueZeroAndNoSlope(index: Int) {
        let landscape = Self.landscapes[index]
        for minimum in landscape.minima {
            // Himmelblau's irrational minima are given to 12 digits: value ~1e-21, slope ~1e-10.
            #expect(abs(landscape.value(at: minimum)) <= 1e-18, "\(type(of: landscape)) at \(minimum)")
            for slope in landscape.gradient(at: minimum) { #expect(abs(slope) <= 1e-9, "\(type(of: landscape)) at \(minimum)") }
        }
        #expect(landscape.value(at: Array(Self.points[0].prefix(landscape.dimension))) > 0)
    }

    @Test func rosenbrockHasTheTextbookValues() {
        // (1 − 0)² + 100·(0 − 0)² = 1 at the origin; (−1.2, 1): 4.84 + 100·0.1936 = 24.2.
        #expect(Rosenbrock().value(at: [0, 0]) == 1)
        expectClose(Rosenbrock().value(at: [-1.2, 1]), 24.2, rtol: 1e-14)
        #expect(Rosenbrock().minima == [[1, 1]])
    }

    @Test func theQuadraticTakesAnyDimensionAndTheOthersTwo() throws {
        #expect(try LandscapeFunction.quadratic.landscape(dimension: 5).dimension == 5)
        #expect(try LandscapeFunction.booth.landscape(dimension: 2) is Booth)
        #expect(throws: TrajectoryError.notTwoDimensional(function: .rosenbrock, dimension: 3)) {
            try LandscapeFunction.rosenbrock.landscape(dimension: 3)
        }
        #expect(throws: TrajectoryError.self) { try LandscapeFunction.quadratic.landscape(dimension: 0) }
    }
}
