import GoldilocksSchedules
import GoldilocksSpec
import TestSupport
import Testing

@Suite struct ReduceOnPlateauTests {
    @Test func metricsGiveTorchsLearningRates() throws {
        let cases = try ReferenceFixture.load("plateau").cases
        #expect(cases.count >= 10)
        var checked = 0
        var worst = 0.0
        for item in cases {
            let metrics = try #require(item.metrics)
            let expected = try #require(item.lr)
            var plateau = try makePlateau(item.parsedSpec())
            var actual = [plateau.learningRate]
            for metric in metrics { actual.append(plateau.step(metric: metric)) }
            worst = max(worst, expectMatches(actual, expected, "\(item.spec)"))
            checked += expected.count
        }
        print("plateau: \(checked) reference values, max relative error \(worst)")
    }

    @Test func theCutComesOnThePatiencePlusFirstBadStep() throws {
        var plateau = try ReduceOnPlateau(learningRate: 1, patience: 2)
        let rates = [1.0, 1, 1, 1].map { plateau.step(metric: $0) }
        #expect(rates == [1, 1, 1, 0.1])  // best at the first, then bad steps 1, 2, 3 > patience
    }

    @Test func nanIsNeverAnImprovement() throws {
        var plateau = try ReduceOnPlateau(learningRate: 1, patience: 0)
        #expect(plateau.step(metric: .nan) == 0.1)
    }

    @Test(arguments: [1.0, 1.5, -0.1])
    func aFactorOutsideZeroToOneIsRejected(factor: Double) {
        #expect(throws: SpecError.self) { try ReduceOnPlateau(learningRate: 1, factor: factor) }
    }
}
