import Foundation
import GoldilocksOptimizers
import Testing

/// Steps `optimizer` once per gradient in `gradients`, updating `parameters` in place.
func run<O: Optimizer>(_ optimizer: inout O, _ parameters: inout [O.Scalar], _ gradients: [[O.Scalar]]) {
    for gradient in gradients {
        do {
            try optimizer.step(parameters: &parameters, gradients: gradient)
        } catch {
            Issue.record("the step threw: \(error)")  // the helpers' buffers always fit
        }
    }
}

/// A deterministic gradient sequence: `count` steps of `dimension` values in [-2, 2].
func gradientSequence(steps count: Int, dimension: Int, seed: Double = 1) -> [[Double]] {
    (0..<count).map { t in (0..<dimension).map { i in 2 * sin(seed * Double(7 * t + 3 * i + 1)) } }
}

/// Saving `optimizer` (JSON) after some steps and restoring it continues exactly like the original.
func expectSaveRestoreContinuesIdentically<O: Optimizer & Codable & Equatable>(_ optimizer: O, dimension: Int)
where O.Scalar == Double {
    var original = optimizer
    var parameters = (0..<dimension).map { Double($0) - 1.5 }
    let gradients = gradientSequence(steps: 10, dimension: dimension)
    run(&original, &parameters, Array(gradients[..<5]))
    do {
        var restored = try JSONDecoder().decode(O.self, from: try JSONEncoder().encode(original))
        #expect(restored == original)
        var restoredParameters = parameters
        run(&original, &parameters, Array(gradients[5...]))
        run(&restored, &restoredParameters, Array(gradients[5...]))
        #expect(restoredParameters == parameters)
    } catch {
        Issue.record("save/restore failed: \(error)")
    }
}

/// A copy taken before steps is untouched by them (the optimizer is a value).
func expectCopyIsSnapshot<O: Optimizer & Equatable>(_ optimizer: O, dimension: Int) where O.Scalar == Double {
    var original = optimizer
    var parameters = [Double](repeating: 1, count: dimension)
    run(&original, &parameters, gradientSequence(steps: 2, dimension: dimension))
    let snapshot = original, witness = original
    run(&original, &parameters, gradientSequence(steps: 2, dimension: dimension, seed: 2))
    #expect(snapshot == witness)
    #expect(snapshot != original)
}

/// Minimizing with `-g` and maximizing with `g` give bit-identical parameters.
func expectMaximizeIsMinimizeOfNegatedGradient<O: Optimizer>(
    minimizing: O, maximizing: O, gradients: [[Double]], start: [Double]
) where O.Scalar == Double {
    var minimizer = minimizing, maximizer = maximizing
    var down = start, up = start
    run(&minimizer, &down, gradients.map { $0.map { -$0 } })
    run(&maximizer, &up, gradients)
    #expect(down == up)
}
