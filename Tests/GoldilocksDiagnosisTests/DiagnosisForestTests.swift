import Foundation
@testable import GoldilocksDiagnosis
import TestSupport
import Testing

/// Measurements and verdicts that scripts/diagnosis_model.py computed for a sample of the runs it
/// trained the forest on.
private struct FeatureSamples: Decodable {
    struct Sample: Decodable {
        let id: String
        let split: String
        /// 1: the run's per-step losses; else means over windows of this many steps.
        let window: Int
        let features: [String: Double]
        let verdict: String
    }

    let names: [String]
    let runs: [Sample]
}

private func samplesWithLosses() throws -> [(FeatureSamples.Sample, [Double])] {
    let samples = try loadFixture(FeatureSamples.self, named: "diagnosis-features", in: Bundle.module)
    #expect(samples.names == CurveFeatures.names)
    var sets: [String: [String: [Double]]] = [:]
    return try samples.runs.map { sample in
        if sets[sample.split] == nil {
            let set = try loadFixture(EvaluationSet.self, named: "diagnosis-eval-\(sample.split)", in: Bundle.module)
            sets[sample.split] = Dictionary(set.runs.map { ($0.id, $0.losses.map { $0 ?? .nan }) }) { first, _ in first }
        }
        let losses = try #require(sets[sample.split]?[sample.id], "\(sample.id) is not in \(sample.split)")
        return (sample, DiagnosisRules.windowMeans(losses, width: sample.window))
    }
}

@Test func curveFeaturesMatchTheTrainingScript() throws {
    let samples = try samplesWithLosses()
    #expect(samples.count >= 20)
    for (sample, losses) in samples {
        let values = CurveFeatures(LossCurve(losses: losses)).values
        for (name, value) in zip(CurveFeatures.names, values) {
            let expected = try #require(sample.features[name], "\(sample.id) has no \(name)")
            expectClose(value, expected, rtol: 1e-9, atol: 1e-12, "\(sample.id) \(name)")
        }
    }
}

@Test func forestGivesTheTrainingScriptsVerdicts() throws {
    let forest = try DiagnosisForest.shipped.get()
    for (sample, losses) in try samplesWithLosses() {
        let verdict = forest.verdict(for: CurveFeatures(LossCurve(losses: losses)).values)
        #expect(verdict.rawValue == sample.verdict, "\(sample.id)")
    }
}

@Test func damagedForestIsRejected() throws {
    let broken = DiagnosisForest.Tree(feature: [0, -1], threshold: [0.5, 0], left: [1, -1], right: [5, -1], value: [[1, 0], [1, 0]])
    #expect(!broken.isWellFormed(features: 1, classes: 2))
    let fine = DiagnosisForest.Tree(
        feature: [0, -1, -1], threshold: [0.5, 0, 0], left: [1, -1, -1], right: [2, -1, -1], value: [[0.5, 0.5], [1, 0], [0, 1]])
    #expect(fine.isWellFormed(features: 1, classes: 2))
    #expect(fine.shares(for: [0.2]) == [1, 0])
    #expect(fine.shares(for: [0.9]) == [0, 1])
}
