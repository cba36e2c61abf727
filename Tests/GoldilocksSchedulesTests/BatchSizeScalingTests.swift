import GoldilocksSchedules
import TestSupport
import Testing

@Suite struct BatchSizeScalingTests {
    @Test func linearRuleMultipliesByTheBatchRatio() throws {
        // Goyal et al. 2017: 0.1 at 256 → 0.1 · 8192/256 = 3.2 at 8192.
        expectClose(try scaledLearningRate(0.1, batchSize: 256, newBatchSize: 8192, rule: .linear), 3.2)
    }

    @Test func sqrtRuleMultipliesByItsSquareRoot() throws {
        expectClose(try scaledLearningRate(1e-3, batchSize: 64, newBatchSize: 16, rule: .sqrt), 5e-4)  // √(1/4) = 1/2
    }

    @Test(arguments: [(-0.1, 32, 64), (Double.nan, 32, 64), (0.1, 0, 64), (0.1, 32, 0)])
    func nonPositiveInputsAreRejected(lr: Double, batchSize: Int, newBatchSize: Int) {
        #expect(throws: SpecError.self) { try scaledLearningRate(lr, batchSize: batchSize, newBatchSize: newBatchSize) }
    }
}
