import GoldilocksOptimizers
import Testing

@Suite struct GroupedOptimizerTests {
    private let twoGroups = [
        ParameterGroup(range: 0..<1, hyperparameters: SGDHyperparameters(learningRate: 0.1)),
        ParameterGroup(range: 1..<2, hyperparameters: SGDHyperparameters(learningRate: 0.2, momentum: 0.5)),
    ]

    @Test func learningRatesReadAndWriteEachGroup() throws {
        var sgd = try SGD<Double>(parameterCount: 2, groups: twoGroups)
        #expect(sgd.learningRates == [0.1, 0.2])
        sgd.learningRates = [1, 2]
        var parameters = [0.0, 0.0]
        run(&sgd, &parameters, [[1, 1]])
        #expect(parameters == [-1, -2])
    }

    @Test func settingMomentumOnAGroupWithoutOneStartsItsBuffer() throws {
        // PyTorch's cycling schedules set SGD's momentum even when it was 0 at construction.
        var sgd = try SGD<Double>(parameterCount: 2, groups: twoGroups)
        #expect(sgd.momenta == [0, 0.5])
        sgd.momenta = [0.9, nil]
        var parameters = [0.0, 0.0]
        run(&sgd, &parameters, [[1, 1], [1, 1]])
        // Group 0: buffer 1 then 0.9 + 1 = 1.9; parameter −0.1 − 0.19.
        #expect(parameters[0] == -0.1 - 0.1 * 1.9)
        #expect(sgd.momenta == [0.9, 0.5])
    }

    @Test func momentaAreBeta1ForAdamAndNilForAdagrad() throws {
        var adam = try Adam<Double>(parameterCount: 1)
        adam.momenta = [0.85]
        #expect(adam.groups[0].hyperparameters.beta1 == 0.85)
        var adagrad = try Adagrad<Double>(parameterCount: 1)
        adagrad.momenta = [0.9]
        #expect(adagrad.momenta == [nil])
    }

    @Test func parametersOutsideEveryGroupAreLeftAlone() throws {
        var sgd = try SGD<Double>(parameterCount: 3, groups: [ParameterGroup(range: 1..<2, hyperparameters: SGDHyperparameters(learningRate: 1))])
        var parameters = [5.0, 5.0, 5.0]
        run(&sgd, &parameters, [[1, 1, 1]])
        #expect(parameters == [5, 4, 5])
    }
}

@Suite struct OptimizerInitialiserErrorTests {
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
