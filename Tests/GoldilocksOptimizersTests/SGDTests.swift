import GoldilocksOptimizers
import PropertyBased
import Testing

@Suite struct SGDTests {
    @Test func aZeroLearningRateLeavesParametersUnchanged() async {
        await propertyCheck(input: Gen.double(in: -10...10).array(of: 1...8), Gen.double(in: 0...0.99)) { start, momentum in
            var sgd = try SGD<Double>(parameterCount: start.count, hyperparameters: SGDHyperparameters(learningRate: 0, momentum: momentum, weightDecay: 0.1))
            var parameters = start
            run(&sgd, &parameters, gradientSequence(steps: 5, dimension: start.count))
            #expect(parameters == start)
        }
    }

    @Test func maximizingEqualsMinimizingTheNegatedGradient() async {
        await propertyCheck(input: Gen.double(in: -5...5).array(of: 1...6), Gen.double(in: 0...0.99), Gen.double(in: 0...1)) { start, momentum, dampening in
            let settings = SGDHyperparameters(learningRate: 0.05, momentum: momentum, dampening: dampening, weightDecay: 0.01)
            var ascending = settings
            ascending.maximize = true
            expectMaximizeIsMinimizeOfNegatedGradient(
                minimizing: try SGD(parameterCount: start.count, hyperparameters: settings),
                maximizing: try SGD(parameterCount: start.count, hyperparameters: ascending),
                gradients: gradientSequence(steps: 6, dimension: start.count), start: start)
        }
    }

    @Test func theFirstMomentumStepIgnoresDampeningLikePyTorch() throws {
        // PyTorch starts the buffer as a clone of the gradient: step 1 is p − lr·g whatever the dampening.
        var sgd = try SGD<Double>(parameterCount: 1, hyperparameters: SGDHyperparameters(learningRate: 0.1, momentum: 0.9, dampening: 0.5))
        var parameters = [1.0]
        run(&sgd, &parameters, [[2.0]])
        #expect(parameters == [1.0 - 0.1 * 2.0])
        // Step 2: b = 0.9·2 + 0.5·2 = 2.8.
        run(&sgd, &parameters, [[2.0]])
        #expect(parameters == [0.8 - 0.1 * 2.8])
    }

    @Test func nesterovLooksAheadAlongTheBuffer() throws {
        var sgd = try SGD<Double>(parameterCount: 1, hyperparameters: SGDHyperparameters(learningRate: 0.1, momentum: 0.5, nesterov: true))
        var parameters = [0.0]
        run(&sgd, &parameters, [[1.0]])
        // b = 1, g + 0.5·b = 1.5.
        #expect(parameters == [-0.15000000000000002])
    }

    @Test func savingAndRestoringContinuesIdentically() throws {
        expectSaveRestoreContinuesIdentically(
            try SGD<Double>(parameterCount: 4, hyperparameters: SGDHyperparameters(learningRate: 0.1, momentum: 0.9, nesterov: true)), dimension: 4)
    }

    @Test func aCopyIsASnapshot() throws {
        expectCopyIsSnapshot(try SGD<Double>(parameterCount: 3, hyperparameters: SGDHyperparameters(learningRate: 0.1, momentum: 0.9)), dimension: 3)
    }
}
