import Foundation
import GoldilocksOptimizers
import GoldilocksSpec
import Testing

@Suite struct SavedOptimizerTests {
    @Test(arguments: ["SGD", "Adam", "AdamW", "RMSprop", "Adagrad"])
    func anOptimizerFromASpecSurvivesASaveAndContinuesIdentically(name: String) throws {
        var original: any Optimizer<Float> = try makeOptimizer(try Spec(json: "{\"name\":\"\(name)\",\"lr\":0.05}"), parameterCount: 3)
        var parameters: [Float] = [1, -2, 0.5]
        let gradients = gradientSequence(steps: 8, dimension: 3).map { $0.map { Float($0) } }
        run(&original, &parameters, Array(gradients[..<4]))
        let saved = try #require(SavedOptimizer(original))
        let data = try JSONEncoder().encode(saved)
        var restored = try JSONDecoder().decode(SavedOptimizer<Float>.self, from: data).optimizer
        var restoredParameters = parameters
        run(&original, &parameters, Array(gradients[4...]))
        run(&restored, &restoredParameters, Array(gradients[4...]))
        #expect(restoredParameters == parameters)
    }
}
