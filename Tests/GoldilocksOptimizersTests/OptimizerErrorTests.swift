import GoldilocksOptimizers
import TestSupport
import Testing

@Suite struct OptimizerErrorTests {
    @Test func groupsOutsideTheBufferOrOverlappingThrow() {
        let h = SGDHyperparameters()
        #expect(throws: OptimizerError.groupOutside(2..<5, parameterCount: 4)) {
            try SGD<Double>(parameterCount: 4, groups: [ParameterGroup(range: 2..<5, hyperparameters: h)])
        }
        #expect(throws: OptimizerError.groupsOverlap(0..<3, 2..<4)) {
            try Adam<Double>(
                parameterCount: 4,
                groups: [
                    ParameterGroup(range: 2..<4, hyperparameters: AdamHyperparameters()),
                    ParameterGroup(range: 0..<3, hyperparameters: AdamHyperparameters()),
                ])
        }
        #expect(throws: OptimizerError.parameterCount(-1)) { try RMSprop<Float>(parameterCount: -1) }
        #expect(throws: OptimizerError.parameterCount(-3)) { try Adagrad<Float>(parameterCount: -3) }
    }

    @Test func hyperparametersPyTorchRejectsThrowWithItsWording() {
        #expect(throws: OptimizerError.invalid(name: "learning rate", value: -1)) {
            try SGD<Double>(parameterCount: 1, hyperparameters: SGDHyperparameters(learningRate: -1))
        }
        #expect(throws: OptimizerError.nesterovWithoutMomentum) {
            try SGD<Double>(parameterCount: 1, hyperparameters: SGDHyperparameters(nesterov: true))
        }
        #expect(throws: OptimizerError.invalid(name: "beta parameter at index 0", value: 1)) {
            try Adam<Double>(parameterCount: 1, hyperparameters: AdamHyperparameters(beta1: 1))
        }
        #expect(throws: OptimizerError.invalid(name: "alpha value", value: -0.5)) {
            try RMSprop<Double>(parameterCount: 1, hyperparameters: RMSpropHyperparameters(alpha: -0.5))
        }
        #expect(throws: OptimizerError.invalid(name: "lr_decay value", value: -1)) {
            try Adagrad<Double>(parameterCount: 1, hyperparameters: AdagradHyperparameters(learningRateDecay: -1))
        }
        #expect(OptimizerError.invalid(name: "learning rate", value: -1).description == "Invalid learning rate: -1.0")
    }

    @Test func aStepOnBuffersOfAnotherLengthThrows() throws {
        var sgd = try SGD<Double>(parameterCount: 3)
        var parameters = [1.0, 2.0]
        #expect(throws: OptimizerError.bufferSize(expected: 3, parameters: 2, gradients: 3)) {
            try sgd.step(parameters: &parameters, gradients: [0, 0, 0])
        }
        #expect(parameters == [1, 2])
    }
}

@Test func aGroupIndexOutsideTheGroupsIsAnErrorAndFewerRatesFillTheRest() throws {
    var adam = try Adam<Float>(parameterCount: 4, groups: [
        ParameterGroup(range: 0..<2, hyperparameters: AdamHyperparameters()), ParameterGroup(range: 2..<4, hyperparameters: AdamHyperparameters()),
    ])
    expectError(OptimizerError.noGroup(2, count: 2), reads: "there is no parameter group 2: the optimizer has 2 (0..<2)") {
        try adam.setHyperparameters(AdamHyperparameters(), forGroup: 2)
    }
    adam.learningRates = [0.5]
    #expect(adam.learningRates == [0.5, 0.5])
    adam.learningRates = [0.1, 0.2, 0.3]
    #expect(adam.learningRates == [0.1, 0.2])
    adam.learningRates = []
    #expect(adam.learningRates == [0.1, 0.2])
}
