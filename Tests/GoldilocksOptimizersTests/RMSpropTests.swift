import GoldilocksOptimizers
import PropertyBased
import Testing

@Suite struct RMSpropTests {
    @Test func aZeroLearningRateLeavesParametersUnchanged() async {
        await propertyCheck(input: Gen.double(in: -10...10).array(of: 1...8), Gen.bool, Gen.double(in: 0...0.99)) { start, centered, momentum in
            var rmsprop = try RMSprop<Double>(
                parameterCount: start.count, hyperparameters: RMSpropHyperparameters(learningRate: 0, momentum: momentum, centered: centered))
            var parameters = start
            run(&rmsprop, &parameters, gradientSequence(steps: 5, dimension: start.count))
            #expect(parameters == start)
        }
    }

    @Test func maximizingEqualsMinimizingTheNegatedGradient() async {
        await propertyCheck(input: Gen.double(in: -5...5).array(of: 1...6), Gen.bool, Gen.double(in: 0...0.9)) { start, centered, momentum in
            let settings = RMSpropHyperparameters(learningRate: 0.01, weightDecay: 0.1, momentum: momentum, centered: centered)
            var ascending = settings
            ascending.maximize = true
            expectMaximizeIsMinimizeOfNegatedGradient(
                minimizing: try RMSprop(parameterCount: start.count, hyperparameters: settings),
                maximizing: try RMSprop(parameterCount: start.count, hyperparameters: ascending),
                gradients: gradientSequence(steps: 6, dimension: start.count), start: start)
        }
    }

    @Test func theFirstStepDividesByTheRootOfTheFirstSquareAveragePlusEps() throws {
        var rmsprop = try RMSprop<Double>(parameterCount: 1, hyperparameters: RMSpropHyperparameters(learningRate: 0.01, alpha: 0.99))
        var parameter = [0.0]
        run(&rmsprop, &parameter, [[3.0]])
        // No bias correction: s = 0.01·9, step = lr·3/(sqrt(0.09) + 1e-8).
        let s = 0.010000000000000009 * 3.0 * 3.0
        #expect(parameter == [0.0 + -0.01 * 3.0 / (s.squareRoot() + 1e-8)])
    }

    @Test func savingAndRestoringContinuesIdentically() throws {
        expectSaveRestoreContinuesIdentically(
            try RMSprop<Double>(parameterCount: 4, hyperparameters: RMSpropHyperparameters(momentum: 0.9, centered: true)), dimension: 4)
    }

    @Test func aCopyIsASnapshot() throws {
        expectCopyIsSnapshot(try RMSprop<Double>(parameterCount: 3), dimension: 3)
    }
}
