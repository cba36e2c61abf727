import GoldilocksFinder
import Testing
import TestSupport

@Suite("Loss smoothing")
struct LossSmoothingTests {
    @Test func debiasedEMAMatchesFastaisAvgSmoothLoss() throws {
        let fixture = try loadFixture(SmoothingFixture.self, named: "smoothing", in: .module)
        expectClose(LossSmoothing.debiased(beta: fixture.beta).smooth(fixture.raw), fixture.smoothed, rtol: 1e-12)
    }

    @Test func debiasingMakesTheFirstSmoothedLossTheFirstLoss() {
        // v1 = 0.02 * 5, divided by 1 - 0.98: 5 (up to rounding); an undebiased EMA would give 0.1.
        expectClose(LossSmoothing.fastai.smooth([5])[0], 5, rtol: 1e-14)
        // A constant stays constant: the bias correction removes the pull towards 0.
        expectClose(LossSmoothing.fastai.smooth([2, 2, 2, 2]), [2, 2, 2, 2], rtol: 1e-14)
    }

    @Test func seededEMAStartsAtTheFirstLossLikeTorchLRFinder() {
        // 1, then 0.05*3 + 0.95*1 = 1.1, then 0.05*3 + 0.95*1.1 = 1.195
        expectClose(LossSmoothing.torchLRFinder.smooth([1, 3, 3]), [1, 1.1, 1.195], rtol: 1e-14)
        #expect(LossSmoothing.none.smooth([3, 1, 2]) == [3, 1, 2])
    }

    @Test(arguments: [LossSmoothing.debiased(beta: 1), .debiased(beta: -0.1), .seeded(factor: 1)])
    func smoothingOutsideZeroToOneIsRejected(smoothing: LossSmoothing) {
        #expect(throws: RangeTestError.self) { try RangeTest(smoothing: smoothing) }
    }
}
