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
