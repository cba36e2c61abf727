import Foundation
import GoldilocksCore
@testable import GoldilocksNetworks
import Testing

/// A small network, batch and targets for `loss`, in Double.
private func problem(activation: Activation, loss: Loss, seed: UInt64 = 5) throws -> (MLP<Double>, [Double], [Double], Int) {
    var rng = SeededGenerator(seed: seed)
    let widths = [4, 6, 5, 3]
    let model = try MLP<Double>(widths: widths, activation: activation, generator: &rng)
    let rows = 7
    let input = (0..<rows * widths[0]).map { _ in rng.nextNormal() }
    let targets: [Double] =
        switch loss {
        case .softmaxCrossEntropy: (0..<rows).map { Double($0 % 3) }
        case .binaryCrossEntropy: (0..<rows * 3).map { _ in rng.nextUnitDouble() < 0.5 ? 0 : 1 }
        case .meanSquaredError: (0..<rows * 3).map { _ in rng.nextNormal() }
        }
    return (model, input, targets, rows)
}

@Test(arguments: Activation.allCases, Loss.allCases)
func backpropagationMatchesCentralFiniteDifferences(activation: Activation, loss: Loss) throws {
    let (model, input, targets, rows) = try problem(activation: activation, loss: loss)
    let workspace = try Workspace(for: model, capacity: rows)
    model.lossAndGradient(input: input, targets: targets, rows: rows, loss: loss, workspace: workspace)
    let analytic = workspace.gradient
    let h = 1e-6
    var worst = 0.0
    for i in 0..<model.parameterCount {
        var plus = model, minus = model
        plus.parameters[i] += h
        minus.parameters[i] -= h
        let numeric =
            (plus.loss(input: input, targets: targets, rows: rows, loss: loss, workspace: workspace)
                - minus.loss(input: input, targets: targets, rows: rows, loss: loss, workspace: workspace)) / (2 * h)
        // Central differences are exact to O(h²) plus rounding of about 1e-16/h.
        worst = max(worst, abs(numeric - analytic[i]) / (1e-8 + 1e-6 * abs(numeric)))
    }
    // ReLU's kink is never within h of a pre-activation on this seeded batch.
    #expect(worst <= 1, "gradient error \(worst)× the tolerance")
}

@Test func lossesMatchTheirPyTorchDefinitions() {
    // Hand-checked: CrossEntropyLoss(logits [[1,2,3]], target 2) = log(e+e²+e³) - 3.
    func value(_ loss: Loss, _ outputs: [Double], _ targets: [Double], rows: Int, columns: Int) -> Double {
        loss.evaluate(outputs: outputs, targets: targets, rows: rows, columns: columns, gradient: nil)
    }
    let ce = value(.softmaxCrossEntropy, [1, 2, 3], [2], rows: 1, columns: 3)
    #expect(abs(ce - (log(exp(1) + exp(2) + exp(3)) - 3)) < 1e-12)
    #expect(value(.meanSquaredError, [1, 2], [0, 4], rows: 2, columns: 1) == 2.5)  // (1 + 4) / 2
    // BCEWithLogits(0, 1) = log 2.
    #expect(abs(value(.binaryCrossEntropy, [0], [1], rows: 1, columns: 1) - log(2)) < 1e-15)
}

@Test func initialisationFollowsPyTorchBoundsAndSeeds() throws {
    var a = SeededGenerator(seed: 1), b = SeededGenerator(seed: 1)
    let m1 = try MLP<Float>(widths: [64, 32, 10], generator: &a)
    let m2 = try MLP<Float>(widths: [64, 32, 10], generator: &b)
    #expect(m1 == m2)
    #expect(m1.parameterCount == 64 * 32 + 32 + 32 * 10 + 10)
    let first = m1.layers[0].parameterRange
    #expect(m1.parameters[first].allSatisfy { abs($0) <= 1 / 8 })
    #expect(m1.parameters[first].contains { abs($0) > 0.1 })  // spread over the bound, not tiny
}

@Test func floatAndDoubleNetworksAgree() throws {
    var rng = SeededGenerator(seed: 9)
    let model = try MLP<Double>(widths: [5, 8, 3], activation: .gelu, generator: &rng)
    var floatModel = try MLP<Float>(widths: [5, 8, 3], activation: .gelu, generator: &rng)
    floatModel.parameters = model.parameters.map(Float.init)
    let input = (0..<4 * 5).map { _ in rng.nextNormal() }
    let dw = try Workspace(for: model, capacity: 4), fw = try Workspace(for: floatModel, capacity: 4)
    model.forward(input, rows: 4, workspace: dw)
    floatModel.forward(input.map(Float.init), rows: 4, workspace: fw)
    for i in 0..<12 { #expect(abs(Double(fw.outputs[i]) - dw.outputs[i]) < 1e-5) }
}

@Test(arguments: [[], [4], [4, 0, 3], [-1, 3]])
func badWidthsThrowInsteadOfTrapping(widths: [Int]) {
    var rng = SeededGenerator(seed: 1)
    #expect(throws: NetworkError.widths(widths)) { try MLP<Float>(widths: widths, generator: &rng) }
}

@Test func aWorkspaceNeedsRoomForARow() throws {
    var rng = SeededGenerator(seed: 1)
    let model = try MLP<Float>(widths: [2, 2], generator: &rng)
    #expect(throws: NetworkError.capacity(0)) { try Workspace(for: model, capacity: 0) }
}

@Test func aWorkspaceRejectsAModelWhoseParametersDoNotFitItsLayers() throws {
    var rng = SeededGenerator(seed: 1)
    var model = try MLP<Float>(widths: [3, 4, 2], generator: &rng)
    let workspace = try Workspace(for: model, capacity: 2)
    #expect(workspace.matches(model))
    model.parameters.removeLast()  // the kernels would read past the end
    #expect(!workspace.matches(model))
}
