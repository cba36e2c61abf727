import GoldilocksOptimizers
import GoldilocksSpec
import Testing

@Suite struct ParameterGroupSpecTests {
    @Test func layerwiseDecayGivesTheHeadTheLearningRateAndEarlierLayersPowersOfTheDecay() throws {
        let groups = ParameterGroupSpec.layerwiseDecay(layers: [0..<10, 10..<15, 15..<17], learningRate: 0.1, decay: 0.5)
        #expect(groups.map(\.range) == [0..<10, 10..<15, 15..<17])
        #expect(groups.map { $0.overrides["lr"] } == [.number(0.025), .number(0.05), .number(0.1)])
    }

    @Test func layerwiseGroupsDriveAnOptimizer() throws {
        let groups = ParameterGroupSpec.layerwiseDecay(layers: [0..<1, 1..<2], learningRate: 1, decay: 0.1)
        var optimizer: any Optimizer<Double> = try makeOptimizer(try Spec(json: "{\"name\":\"SGD\",\"lr\":5}"), parameterCount: 2, groups: groups)
        #expect(optimizer.learningRates == [0.1, 1])
        var parameters = [0.0, 0.0]
        try optimizer.step(parameters: &parameters, gradients: [1.0, 1.0])
        #expect(parameters == [-0.1, -1])
    }
}
