import Foundation
import GoldilocksLandscapes
import Testing

@Test func theThreeClassicRunsGiveWhatTheArithmeticGives() {
    let demo = GradientDescentDemo()
    let slow = demo.run(learningRate: 0.001)
    // x₅₀ = 5 · 0.998⁵⁰, computed independently with pow.
    #expect(abs(slow.x - 5 * pow(0.998, 50)) < 1e-12)
    #expect(String(slow.x).hasPrefix("4.523734"))
    #expect(String(slow.loss).hasPrefix("20.46417"))
    #expect(slow.verdict == .tooSmall && slow.explodedAt == nil && slow.epochs == 50)

    let good = demo.run(learningRate: 0.1)
    #expect(abs(good.x - 5 * pow(0.8, 50)) < 1e-15)
    #expect(good.verdict == .justRight)

    // |x_t| = 5 · 1.2^t passes 1000 when 1.2^t > 200: t = 30 (1.2²⁹ ≈ 198.4).
    let wild = demo.run(learningRate: 1.1)
    #expect(wild.explodedAt == 30 && wild.epochs == 30)
    #expect(wild.verdict == .tooLarge)
    #expect(abs(wild.x) > 1000)
}

@Test func aLearningRateOfOneOscillatesForeverAndIsTooLarge() {
    let run = GradientDescentDemo().run(learningRate: 1)
    #expect(run.explodedAt == nil)
    #expect(run.losses.allSatisfy { $0 == 25 })
    #expect(run.verdict == .tooLarge)
}

@Test func jsonHasTheContractFieldsWithNullForNoExplosion() throws {
    let json = String(decoding: try JSONEncoder().encode(GradientDescentDemo().run(learningRate: 0.1)), as: UTF8.self)
    for key in ["\"lr\"", "\"x\"", "\"loss\"", "\"epochs\"", "\"exploded_at\":null", "\"verdict\":\"just_right\""] {
        #expect(json.contains(key), "\(key) missing from \(json)")
    }
}
