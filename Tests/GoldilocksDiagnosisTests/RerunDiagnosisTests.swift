import Foundation
import GoldilocksDiagnosis
import Testing

/// A noiseless fall from 10 to `final` over 101 steps: a run that reruns exactly.
private func run(to final: Double) -> [Double] {
    (0...100).map { 10 * pow(final / 10, Double($0) / 100) }
}

/// The diagnosis of `run(to: final)` whose reruns end at `finals` (by the change's description).
private func diagnosis(final: Double, finals: [String: Double]) throws -> Diagnosis {
    try diagnose(losses: run(to: final)) { change in finals[change.description] ?? final }
}

@Test func theChangesTriedAreTheDefinitionsFive() {
    #expect(RateChange.tried(steps: 300).map(\.description) == ["×3", "×10", "÷10", "÷100", "÷10 from step 150"])
    #expect(RateChange.tried(steps: 300).map(\.verdict) == [.tooSlow, .tooSlow, .oscillating, .diverged, .plateau])
}

@Test(arguments: [
    ("×3", Verdict.tooSlow, 3.0, false), ("×10", .tooSlow, 10, false), ("÷10", .oscillating, 0.1, false),
    ("÷100", .diverged, 0.01, false), ("÷10 from step 50", .plateau, 1, true),
])
func theChangeThatHelpsNamesTheVerdict(change: String, verdict: Verdict, factor: Double, decays: Bool) throws {
    let d = try diagnosis(final: 1, finals: [change: 0.5])
    #expect(d.verdict == verdict)
    #expect(d.learningRateFactor == factor)
    #expect(d.decayNow == decays)
    #expect(d.confidence == .high)
    #expect(d.cause.contains("rerun at \(change), the final loss is 0.5 instead of 1 (50% lower)"), "\(d.cause)")
}

@Test func theChangeThatLowersTheLossMostWinsNotTheFirst() throws {
    let d = try diagnosis(final: 1, finals: ["×3": 0.5, "×10": 0.1, "÷10 from step 50": 0.3])
    #expect(d.verdict == .tooSlow && d.learningRateFactor == 10)
    #expect(d.fix == "multiply the learning rate by 10")
}

@Test func aChangeCountsOnlyPastTwentyPercentAndOnePercentOfTheFirstLoss() throws {
    // 19% lower is within the definition's margin: healthy.
    #expect(try diagnosis(final: 1, finals: ["×3": 0.81]).verdict == .healthy)
    #expect(try diagnosis(final: 1, finals: ["×3": 0.79]).verdict == .tooSlow)
    // From a first loss of 10, a change of 0.08 is under 1% of it however large a share of the final loss.
    #expect(try diagnosis(final: 0.1, finals: ["×3": 0.02]).verdict == .healthy)
    #expect(try diagnosis(final: 0.2, finals: ["×3": 0.02]).verdict == .tooSlow)
}

@Test func aRerunThatDivergedHelpsNothing() throws {
    let d = try diagnosis(final: 1, finals: ["×10": .nan, "×3": .infinity])
    #expect(d.verdict == .healthy)
    #expect(d.fix == "keep the learning rate")
    #expect(d.cause.contains("×3, ×10, ÷10, ÷100, ÷10 from step 50"), "\(d.cause)")
}

@Test func aRunThatStoppedBeingFiniteIsDivergedWithoutRerunning() throws {
    var reruns = 0
    let d = try diagnose(losses: run(to: 1) + [.nan]) { _ in
        reruns += 1
        return 0
    }
    #expect(d.verdict == .diverged && d.learningRateFactor == 0.01)
    #expect(reruns == 0)
}

@Test func aRunThatRerunsButDidNotMoveSaysItDidNotTrain() throws {
    let flat = Array(repeating: 24.2, count: 51)
    let d = try diagnose(losses: flat) { _ in 24.2 }
    #expect(d.verdict == .healthy && d.confidence == .low && d.didNotTrain)
    #expect(d.symptom.hasSuffix("the run did not train") && d.fix.contains("goldilocks find"), "\(d.symptom) / \(d.fix)")
    #expect(try diagnosis(final: 1, finals: [:]).confidence == .high)
}
