import GoldilocksOptimizers
import GoldilocksSpec
import Testing

@Suite struct MakeOptimizerTests {
    private func make(_ json: String, count: Int = 4, groups: [ParameterGroupSpec] = []) throws(SpecError) -> any Optimizer<Double> {
        try makeOptimizer(try Spec(json: json), parameterCount: count, groups: groups)
    }

    @Test(arguments: [
        ("{\"name\":\"SGD\"}", "SGD"), ("{\"name\":\"sgd\",\"lr\":0.1}", "SGD"), ("{\"name\":\"Adam\"}", "Adam"),
        ("{\"name\":\"adamw\"}", "Adam"), ("{\"name\":\"RMSprop\"}", "RMSprop"), ("{\"name\":\"adagrad\"}", "Adagrad"),
    ])
    func pyTorchAndFriendlyNamesMakeTheirOptimizer(json: String, type: String) throws {
        let optimizer = try make(json)
        #expect(String(describing: Swift.type(of: optimizer)).hasPrefix(type + "<"))
    }

    @Test func specParametersUsePyTorchNamesAndDefaults() throws {
        let adam = try #require(try make("{\"name\":\"Adam\",\"lr\":0.01,\"betas\":[0.8,0.99],\"amsgrad\":true}") as? Adam<Double>)
        #expect(adam.groups[0].hyperparameters == AdamHyperparameters(learningRate: 0.01, beta1: 0.8, beta2: 0.99, amsgrad: true))
        let adamW = try #require(try make("{\"name\":\"AdamW\"}") as? Adam<Double>)
        #expect(adamW.groups[0].hyperparameters == .adamW())
        let sgd = try #require(try make("{\"name\":\"SGD\"}") as? SGD<Double>)
        #expect(sgd.groups[0].hyperparameters.learningRate == 1e-3)
        let rmsprop = try #require(try make("{\"name\":\"RMSprop\"}") as? RMSprop<Double>)
        #expect(rmsprop.groups[0].hyperparameters == RMSpropHyperparameters(learningRate: 1e-2, alpha: 0.99, epsilon: 1e-8))
        let adagrad = try #require(try make("{\"name\":\"Adagrad\"}") as? Adagrad<Double>)
        #expect(adagrad.groups[0].hyperparameters.epsilon == 1e-10)
    }

    @Test(arguments: [
        ("{\"name\":\"SGD\",\"lr\":-0.1}", "Invalid learning rate: -0.1"),
        ("{\"name\":\"SGD\",\"nesterov\":true}", "Nesterov momentum requires a momentum and zero dampening"),
        ("{\"name\":\"SGD\",\"nesterov\":true,\"momentum\":0.9,\"dampening\":0.1}", "Nesterov momentum requires"),
        ("{\"name\":\"SGD\",\"momentum\":-1}", "Invalid momentum value: -1.0"),
        ("{\"name\":\"Adam\",\"betas\":[1.0,0.999]}", "Invalid beta parameter at index 0: 1.0"),
        ("{\"name\":\"AdamW\",\"betas\":[0.9,-0.1]}", "Invalid beta parameter at index 1: -0.1"),
        ("{\"name\":\"Adam\",\"betas\":[0.9]}", "\"betas\" must be two numbers"),
        ("{\"name\":\"Adam\",\"eps\":-1e-8}", "Invalid epsilon value"),
        ("{\"name\":\"Adam\",\"weight_decay\":-1}", "Invalid weight_decay value"),
        ("{\"name\":\"RMSprop\",\"alpha\":-0.5}", "Invalid alpha value: -0.5"),
        ("{\"name\":\"Adagrad\",\"lr_decay\":-1}", "Invalid lr_decay value"),
        ("{\"name\":\"Adagrad\",\"initial_accumulator_value\":-1}", "Invalid initial_accumulator_value value"),
        ("{\"name\":\"Adam\",\"amsgrad\":1}", "must be true or false"),
        ("{\"name\":\"AdamW\",\"decoupled_weight_decay\":false}", "unknown parameter \"decoupled_weight_decay\""),
        ("{\"name\":\"Adam\",\"beta\":[0.9,0.99]}", "did you mean \"betas\"?"),
        ("{\"name\":\"Adamm\"}", "did you mean \"Adam\"?"),
        ("{\"name\":\"LBFGS\"}", "Valid: SGD, Adam, AdamW, RMSprop, Adagrad"),
    ])
    func invalidSpecsFailWithPyTorchsMessage(json: String, message: String) {
        #expect {
            _ = try make(json)
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func groupsOverrideTheSpecDefaults() throws {
        let groups = [ParameterGroupSpec(range: 0..<2, overrides: ["lr": .number(0.5)]), ParameterGroupSpec(range: 2..<4)]
        let sgd = try #require(try make("{\"name\":\"SGD\",\"lr\":0.1,\"momentum\":0.9}", groups: groups) as? SGD<Double>)
        #expect(sgd.learningRates == [0.5, 0.1])
        #expect(sgd.groups.map(\.hyperparameters.momentum) == [0.9, 0.9])
    }

    @Test func groupOverridesAreValidatedAndNamed() {
        let groups = [ParameterGroupSpec(range: 0..<2, overrides: ["lr": .number(-1)])]
        let error = #expect(throws: SpecError.self) { _ = try make("{\"name\":\"SGD\"}", groups: groups) }
        #expect(error == .inGroup(group: 0..<2, error: .invalidHyperparameter(optimizer: "SGD", what: "learning rate", value: -1)))
        #expect(error?.description == "parameter group 0..<2: SGD: Invalid learning rate: -1.0")
    }

    @Test(arguments: [
        [0..<3, 2..<4], [0..<5], [-1..<2],
    ])
    func overlappingOrOutOfRangeGroupsAreRejected(ranges: [Range<Int>]) {
        let error = #expect(throws: SpecError.self) {
            _ = try make("{\"name\":\"Adam\"}", groups: ranges.map { ParameterGroupSpec(range: $0) })
        }
        switch error {
        case .groupsOverlap?, .groupOutsideParameters?: break
        default: Issue.record("expected a group-range case, got \(String(describing: error))")
        }
    }

    @Test func adagradStartsEveryGroupsSumAtTheSpecsInitialValueLikePyTorch() throws {
        // PyTorch's constructor fills `sum` from its own `initial_accumulator_value`, not the group's.
        let groups = [ParameterGroupSpec(range: 0..<2, overrides: ["initial_accumulator_value": .number(1)]), ParameterGroupSpec(range: 2..<4)]
        let adagrad = try #require(try make("{\"name\":\"Adagrad\",\"initial_accumulator_value\":0.25}", groups: groups) as? Adagrad<Double>)
        #expect(adagrad.groups.map(\.hyperparameters.initialAccumulatorValue) == [0.25, 0.25])
    }

    @Test func floatOptimizersComeFromTheSameSpecs() throws {
        let optimizer: any Optimizer<Float> = try makeOptimizer(try Spec(json: "{\"name\":\"rmsprop\"}"), parameterCount: 3)
        #expect(optimizer is RMSprop<Float>)
    }
}
