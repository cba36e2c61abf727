import Foundation
@testable import GoldilocksDiagnosis
import TestSupport
import Testing

/// The measurements and probabilities that scripts/diagnosis_reader.py computed for a sample of
/// runs: from the labelled and older splits it was trained on, and from validation3, which it
/// never saw.
private struct ReaderSamples: Decodable {
    struct Sample: Decodable {
        let split: String
        let id: String
        /// null where the run has no such series (NaN).
        let features: [Double?]
        let probabilities: [Double]
    }

    let features: [String]
    let verdicts: [String]
    let runs: [Sample]
}

/// A sampled run's log: training losses, rates and validation losses.
private typealias Log = (losses: [Double], rates: [Double]?, validation: [Double]?)

private func samplesWithLogs() throws -> [(ReaderSamples.Sample, Log)] {
    let samples = try loadFixture(ReaderSamples.self, named: "diagnosis-reader-sample", in: Bundle.module)
    #expect(samples.features == RunFeatures.names)
    var logs: [String: [String: Log]] = [:]
    return try samples.runs.map { sample in
        if logs[sample.split] == nil {
            let name = "diagnosis-eval-\(sample.split)"
            if sample.split.hasPrefix("validation") {
                let set = try loadFixture(ValidationSet.self, named: name, in: Bundle.module)
                logs[sample.split] = Dictionary(uniqueKeysWithValues: set.runs.map { run in
                    (run.id, (run.losses.map { $0 ?? .nan }, run.lrs, run.valLosses.isEmpty ? nil : run.valLosses.map { $0 ?? .nan }))
                })
            } else {
                let set = try loadFixture(EvaluationSet.self, named: name, in: Bundle.module)
                logs[sample.split] = Dictionary(uniqueKeysWithValues: set.runs.map { ($0.id, ($0.losses.map { $0 ?? .nan }, nil, nil)) })
            }
        }
        let log = try #require(logs[sample.split]?[sample.id], "\(sample.id) is not in \(sample.split)")
        return (sample, log)
    }
}

@Test func runFeaturesMatchTheTrainingScript() throws {
    let samples = try samplesWithLogs()
    #expect(samples.count >= 60)
    for (sample, log) in samples where log.losses.allSatisfy(\.isFinite) {
        let values = RunFeatures(losses: log.losses, learningRates: log.rates, validation: log.validation).values
        for (k, name) in RunFeatures.names.enumerated() {
            if let expected = sample.features[k] {
                expectClose(values[k], expected, rtol: 1e-9, atol: 1e-12, "\(sample.id) \(name)")
            } else {
                #expect(values[k].isNaN, "\(sample.id) \(name): \(values[k]), the script has none")
            }
        }
    }
}

@Test func readerGivesTheTrainingScriptsProbabilities() throws {
    let reader = try DiagnosisReader.shipped.get()
    #expect(reader.verdicts.map(\.rawValue) == ["healthy", "too_slow", "oscillating", "diverged", "plateau"])
    for (sample, _) in try samplesWithLogs() {
        let x = sample.features.map { $0 ?? .nan }
        for (p, expected) in zip(reader.probabilities(for: x), sample.probabilities) {
            expectClose(p, expected, rtol: 1e-9, atol: 1e-12, "\(sample.id)")
        }
    }
}

@Test func damagedTreesAreRejected() throws {
    let broken = DiagnosisReader.Tree(feature: [0, -1], threshold: [0.5, 0], missingLeft: [1, 0], left: [1, -1], right: [5, -1], value: [0, 1])
    #expect(!broken.isWellFormed(features: 1))
    let short = DiagnosisReader.Tree(feature: [0, -1, -1], threshold: [0.5, 0, 0], missingLeft: [1], left: [1, -1, -1], right: [2, -1, -1], value: [0, 1, 2])
    #expect(!short.isWellFormed(features: 1))
    let fine = DiagnosisReader.Tree(
        feature: [0, -1, -1], threshold: [0.5, 0, 0], missingLeft: [1, 0, 0], left: [1, -1, -1], right: [2, -1, -1], value: [0, -1, 2])
    #expect(fine.isWellFormed(features: 1))
    #expect(fine.value(for: [0.2]) == -1)
    #expect(fine.value(for: [0.9]) == 2)
    #expect(fine.value(for: [.nan]) == -1, "a missing measurement goes where the node sends it")
}

/// The splits with issue 12's full labels that the reader learned from (`LEARNED` in
/// scripts/diagnosis_reader.py); validation3 and validation7 stay apart.
let learnedSplits = ["validation", "validation2", "validation4", "validation5", "validation6"]

/// The checks that may overrule the reader (`DiagnosisRules.Checks`), scored on the learned splits
/// with the probabilities of readers that never saw each run's data set
/// (Fixtures/diagnosis-reader-out-of-fold.json, from `scripts/diagnosis-reader --cross-validate
/// --out-of-fold`): the figures `diagnose`'s checks were chosen by, without touching validation3 or
/// validation7.
@Test(.tags(.long), .optimizedOnly) func checksOverTheReaderScoredOutOfFold() throws {
    let set = ValidationSet(runs: try learnedSplits.flatMap {
        try loadFixture(ValidationSet.self, named: "diagnosis-eval-\($0)", in: Bundle.module).runs
    })
    let outOfFold = try loadFixture([String: [Double]].self, named: "diagnosis-reader-out-of-fold", in: Bundle.module)
    #expect(outOfFold.count == set.runs.count, "learnedSplits and the script's LEARNED name the same splits")
    let verdicts = try DiagnosisReader.shipped.get().verdicts
    func score(_ checks: DiagnosisRules.Checks) throws -> (agreed: Int, opposite: Int) {
        var agreed = 0, opposite = 0
        for run in set.runs {
            let p = try #require(outOfFold[run.id], "\(run.id) has no out-of-fold probabilities")
            let best = p.indices.max { p[$0] < p[$1] } ?? 0
            let verdict = try run.diagnosis(checks: checks) { _ in (verdicts[best], p[best]) }.verdict.rawValue
            if ProcessInfo.processInfo.environment["SHOW_CHECKS"] != nil, !checks.isEmpty, verdict != verdicts[best].rawValue {
                print("CHANGED \(checks.rawValue) \(run.id) reader=\(verdicts[best].rawValue) p=\(p[best]) -> \(verdict) acceptable=\(run.acceptable) helped=\(run.helped)")
            }
            agreed += run.acceptable.contains(verdict) ? 1 : 0
            opposite += run.isOpposite(verdict) ? 1 : 0
        }
        return (agreed, opposite)
    }
    let variants: [(String, DiagnosisRules.Checks)] = [
        ("none", []), ("blow-up", .blowUp), ("steady fall", .steadyFall), ("all", .all),
    ]
    var scores: [String: (agreed: Int, opposite: Int)] = [:]
    for (name, checks) in variants {
        let score = try score(checks)
        scores[name] = score
        print("checks \(name): \(score.agreed)/\(set.runs.count) agree, \(score.opposite) opposite")
    }
    let (none, all) = try (#require(scores["none"]), #require(scores["all"]))
    // The reader alone, out of fold, as scripts/diagnosis-reader --cross-validate printed it.
    #expect(none.agreed == 4163 && none.opposite == 1)
    #expect(all.agreed == 4168 && all.opposite == 1, "the figures the checks were chosen by")
}
