import Foundation
import GoldilocksOptimizers
import Testing
import TestSupport

/// Every optimizer configuration of `scripts/optimizer-fixtures`, 30 steps each, with gradients
/// recomputed from the Swift parameters so that any difference in the update rule compounds.
@Suite struct PyTorchReferenceTests {
    @Test func doubleOptimizersFollowPyTorchFloat64TrajectoriesWithin1e6() throws {
        let fixture = try loadFixture(ReferenceFixture.self, named: "optimizers-float64", in: .module)
        var comparison = ReferenceComparison()
        for reference in fixture.cases {
            try comparison.run(reference, quadratic: fixture.quadratic, as: Double.self)
        }
        print("float64: \(comparison.checked) values, max relative error \(comparison.maxRelativeError) at \(comparison.worst)")
        #expect(comparison.checked == 33 * 30 * 6 - 4 * 30 * 4)
        #expect(comparison.maxRelativeError <= 1e-6, "\(comparison.worst)")
    }

    /// Float against PyTorch's float32: both round each operation to 24 bits but not always in the
    /// same order (PyTorch's vectorised kernels fuse multiply-adds; `torch.mv` sums in blocks), so
    /// the two drift apart by a few ulps per step, amplified where an update divides by a small
    /// difference (Adam's `m/(sqrt(v)+eps)` as the gradient nears zero). On these fixtures PyTorch's own
    /// float32 run is up to 4.9e-5 away from its float64 run; two independent float32 roundings of
    /// the same run may be twice that apart, hence 2e-4. Values that
    /// pass near zero keep the absolute error of the O(1) terms they are the difference of, so the
    /// error is taken relative to at least 0.01 (the parameters are of order 1).
    @Test func floatOptimizersFollowPyTorchFloat32TrajectoriesWithin2e4() throws {
        let fixture = try loadFixture(ReferenceFixture.self, named: "optimizers-float32", in: .module)
        var comparison = ReferenceComparison(floor: 1e-2)
        for reference in fixture.cases {
            try comparison.run(reference, quadratic: fixture.quadratic, as: Float.self)
        }
        print("float32: \(comparison.checked) values, max relative error \(comparison.maxRelativeError) at \(comparison.worst)")
        #expect(comparison.maxRelativeError <= 2e-4, "\(comparison.worst)")
    }
}
