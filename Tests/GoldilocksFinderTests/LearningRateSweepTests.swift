import Foundation
import GoldilocksFinder
import Testing
import TestSupport

@Suite("Learning-rate sweep")
struct LearningRateSweepTests {
    @Test func fastaiDefaultsStartAt1e7AndNeverReachTheEnd() throws {
        let sweep = try LearningRateSweep()
        #expect(sweep.lrs.count == 100)
        #expect(sweep(0) == 1e-7)
        // 1e-7 * (1e8)^(99/100), Python: 1e-7 * (10/1e-7) ** (99/100)
        expectClose(sweep(99), 1e-7 * pow(1e8, 0.99), rtol: 1e-15)
        #expect(sweep(99) < 8.4 && sweep(99) > 8.3)
    }

    @Test func endpointIncludedPositionsReachTheEndLikeTorchLRFinder() throws {
        let sweep = try LearningRateSweep(start: 1e-5, end: 1, iterations: 50, position: .endpointIncluded)
        expectClose(sweep(49), 1, rtol: 1e-15)
        let linear = try LearningRateSweep(start: 0.01, end: 2, iterations: 50, mode: .linear, position: .endpointIncluded)
        expectClose(linear(49), 2, rtol: 1e-15)
        expectClose(linear(1), 0.01 + 1.99 / 49, rtol: 1e-15)
    }

    @Test(arguments: [(0.0, 10.0, 100), (1e-3, 1e-3, 100), (1e-3, .infinity, 100), (1e-7, 10.0, 1)])
    func invalidSweepsAreTypedErrors(start: Double, end: Double, iterations: Int) {
        #expect(throws: RangeTestError.self) { try LearningRateSweep(start: start, end: end, iterations: iterations) }
    }
}
