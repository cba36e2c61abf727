import GoldilocksOptimizers
import PropertyBased
import Testing

@Suite struct AdagradTests {
    @Test func theFirstStepMovesEachParameterByTheLearningRateAgainstItsGradient() async {
        await propertyCheck(input: Gen.double(in: 0.1...100).array(of: 1...8)) { gradient in
            var adagrad = try Adagrad<Double>(parameterCount: gradient.count, hyperparameters: AdagradHyperparameters(learningRate: 0.3))
            var parameters = [Double](repeating: 0, count: gradient.count)
            run(&adagrad, &parameters, [gradient])
            // sum = g², so the step is lr·g/(|g| + 1e-10).
            for value in parameters { #expect(abs(value + 0.3) <= 1e-9) }
        }
    }

    @Test func maximizingEqualsMinimizingTheNegatedGradient() async {
        await propertyCheck(input: Gen.double(in: -5...5).array(of: 1...6), Gen.double(in: 0...1)) { start, decay in
            let settings = AdagradHyperparameters(learningRate: 0.1, learningRateDecay: decay, weightDecay: 0.1, initialAccumulatorValue: 0.2)
            var ascending = settings
            ascending.maximize = true
            expectMaximizeIsMinimizeOfNegatedGradient(
                minimizing: try Adagrad(parameterCount: start.count, hyperparameters: settings),
                maximizing: try Adagrad(parameterCount: start.count, hyperparameters: ascending),
                gradients: gradientSequence(steps: 6, dimension: start.count), start: start)
        }
    }

    @Test func learningRateDecayDividesStepTByOnePlusTMinusOneTimesTheDecay() throws {
        // With eps 0 and the gradient 1 every step, sum = t, so the step is lr/(1 + (t−1)·d)/sqrt(t).
        var adagrad = try Adagrad<Double>(parameterCount: 1, hyperparameters: AdagradHyperparameters(learningRate: 1, learningRateDecay: 0.5, epsilon: 0))
        var parameter = [0.0]
        run(&adagrad, &parameter, [[1.0]])
        #expect(parameter == [-1.0])
        run(&adagrad, &parameter, [[1.0]])
        #expect(parameter == [-1.0 + -(1 / 1.5) * 1 / 2.0.squareRoot()])
    }

    @Test func savingAndRestoringContinuesIdentically() throws {
        expectSaveRestoreContinuesIdentically(
            try Adagrad<Double>(parameterCount: 4, hyperparameters: AdagradHyperparameters(learningRateDecay: 0.1, initialAccumulatorValue: 0.1)),
            dimension: 4)
    }

    @Test func aCopyIsASnapshot() throws {
        expectCopyIsSnapshot(try Adagrad<Double>(parameterCount: 3), dimension: 3)
    }
}
