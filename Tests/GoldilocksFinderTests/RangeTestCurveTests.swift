import Foundation
import GoldilocksFinder
import Testing

@Suite("Range-test curve")
struct RangeTestCurveTests {
    @Test func aCurveNeedsOneLossPerLearningRate() {
        #expect(throws: CurveError.lengthsDiffer(lrs: 2, losses: 1)) { try RangeTestCurve(lrs: [1e-3, 1e-2], losses: [1]) }
    }

    @Test(arguments: [0.0, -1e-3, .nan, .infinity])
    func aLearningRateMustBeFiniteAndPositive(lr: Double) {
        #expect(throws: CurveError.self) { try RangeTestCurve(lrs: [1e-3, lr], losses: [1, 1]) }
    }

    @Test func nonFiniteLossesAreKept() throws {
        let curve = try RangeTestCurve(lrs: [1e-3, 1e-2, 1e-1], losses: [1, .infinity, .nan])
        #expect(curve.count == 3)
        #expect(curve.losses[2].isNaN)
    }

    @Test func decodingChecksTheCurveToo() {
        let json = Data(#"{"lrs":[0.001,-1],"losses":[1,2]}"#.utf8)
        #expect(throws: CurveError.self) { try JSONDecoder().decode(RangeTestCurve.self, from: json) }
    }
}
