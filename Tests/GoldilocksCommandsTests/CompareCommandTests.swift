import ArgumentParser
import Foundation
import GoldilocksLandscapes
import GoldilocksDiagnosis
import GoldilocksPlots
import GoldilocksSpec
@testable import GoldilocksCommands
import GoldilocksTraining
import Testing

@Test func compareNeedsDataOrAFunctionButNotBoth() {
    #expect(throws: (any Error).self) { try GoldilocksCommand.parseAsRoot(["compare", "--lrs", "0.1"]) }
    #expect(throws: (any Error).self) {
        try GoldilocksCommand.parseAsRoot(["compare", "--data", "iris", "--function", "booth", "--lrs", "0.1"])
    }
    #expect(throws: (any Error).self) { try GoldilocksCommand.parseAsRoot(["compare", "--data", "iris", "--lrs", "0.1,-2"]) }
    #expect(throws: Never.self) { try GoldilocksCommand.parseAsRoot(["compare", "--function", "booth", "--lrs", "0.1,0.01"]) }
}

@Test func theComparisonFigureDrawsOneLinePerRateInSVG() throws {
    let runs = try LearningRateComparison.function(
        .booth, start: [5, 5], optimizer: .init(name: "SGD"), learningRates: [0.001, 0.05, 0.3], steps: 30)
    let svg = comparisonFigure(runs, title: "booth").svg()
    #expect(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"))
    for label in ["lr=1e-3", "lr=0.05", "lr=0.3"] { #expect(svg.contains(label), "legend lacks \(label)") }
    #expect(svg.components(separatedBy: "<path").count - 1 >= 3)
}

@Test func demoRejectsBadLearningRates() {
    #expect(throws: (any Error).self) { try GoldilocksCommand.parseAsRoot(["demo", "--lrs", "0.1,abc"]) }
    #expect(throws: (any Error).self) { try GoldilocksCommand.parseAsRoot(["demo", "--lrs", "0"]) }
    #expect(throws: (any Error).self) { try GoldilocksCommand.parseAsRoot(["demo", "--epochs", "-1"]) }
}

@Test func theDemoChartShowsEveryRun() {
    let demo = GradientDescentDemo()
    let chart = demoChart([0.001, 0.1, 1.1].map(demo.run(learningRate:)))
    for label in ["lr=0.001", "lr=0.1", "lr=1.1"] { #expect(chart.contains(label)) }
}

@Test func aTrainingFigureMarksEachRescue() throws {
    let history = History()
    _ = history.stepEnded(StepRecord(step: 0, epoch: 0, loss: 2, learningRate: 1))
    _ = history.stepEnded(StepRecord(step: 1, epoch: 0, loss: 1e9, learningRate: 1))
    history.restored(atStep: 1, learningRateFactor: 0.1, reason: "test")
    _ = history.stepEnded(StepRecord(step: 2, epoch: 0, loss: 1, learningRate: 0.1))
    let svg = trainingFigure(history, title: "t").svg()
    #expect(svg.contains("rescue: lr ×0.1"))
}

@Test func aTwoDimensionalTrajectoryIsDrawnOverContours() throws {
    let command = try #require(try GoldilocksCommand.parseAsRoot([
        "trajectory", "--function", "booth", "--start", "0,0", "--optimizer", "sgd", "--steps", "20", "--format", "svg",
    ]) as? TrajectoryCommand)
    let trajectory = try command.makeTrajectory()
    let svg = trajectoryFigure(trajectory, on: try LandscapeFunction.booth.landscape(dimension: 2), name: "booth").svg()
    #expect(svg.contains("path") && svg.contains("f = "))  // the path and contour levels in the legend
}

@Test func everyComparedRunHasTheDiagnosisVerdictAndItsFix() throws {
    // SGD on Rosenbrock: 0.01 blows up.
    let runs = try LearningRateComparison.function(
        .rosenbrock, start: [-1.2, 1], optimizer: .init(name: "SGD"), learningRates: [1e-4, 1e-3, 0.01], steps: 500)
    let verdicts = runs.map { $0.diagnosis?.verdict }
    #expect(verdicts[2] == .diverged)
    #expect(!verdicts[0...1].contains(.diverged), "\(verdicts)")
    #expect(runs[2].diagnosis.map(CompareCommand.shortFix) == "lr ÷100")
    let json = String(decoding: try JSONEncoder().encode(runs[2]), as: UTF8.self)
    #expect(json.contains(#""verdict":"diverged""#))
}

@Test func aRunThatDidNotTrainIsToldToFindItsRateNotToKeepIt() throws {
    // 1e-300 moves nothing, and neither would ×10 nor ÷100: healthy by the definition, not a rate to keep.
    let runs = try LearningRateComparison.function(
        .rosenbrock, start: [-1.2, 1], optimizer: .init(name: "SGD"), learningRates: [1e-300, 4e-3], steps: 100)
    #expect(runs.map { $0.diagnosis.map(CompareCommand.shortFix) } == ["find", "keep"])
}

@Test func theComparisonLegendNamesEachRunsVerdict() throws {
    let runs = try LearningRateComparison.function(
        .rosenbrock, start: [-1.2, 1], optimizer: .init(name: "SGD"), learningRates: [1e-3, 0.01], steps: 200)
    let text = comparisonFigure(runs, title: "rosenbrock").terminal(width: 100, height: 12)
    #expect(text.contains("lr=0.01 (diverged)"))
}
