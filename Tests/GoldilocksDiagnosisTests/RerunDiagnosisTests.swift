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
    #expect(RateChange.tried(steps: 301).map(\.description) == ["×3", "×10", "÷10", "÷100", "÷10 from step 150"])
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

@Test func theSeedsSpreadWidensTheMargin() throws {
    // From a final loss of 1: ×3 lowers it 30%, past 20% of it; with seeds at 0.8 and 1.1 the
    // spread is 0.3 and the margin 0.6, so 30% lower is the run's own noise.
    let noiseless = try diagnose(losses: run(to: 1)) { $0.description == "×3" ? 0.7 : 1 }
    #expect(noiseless.verdict == .tooSlow)
    let noisy = try diagnose(losses: run(to: 1), repeats: [0.8, 1.1]) { $0.description == "×3" ? 0.7 : 1 }
    #expect(noisy.verdict == .healthy)
    #expect(noisy.cause.contains("twice the spread between seeds (0.3 over 3 seeds)"), "\(noisy.cause)")
    #expect(noisy.reruns?.suffix(2).map(\.change) == ["seed +1", "seed +2"])
    #expect(noisy.reruns?.suffix(2).map(\.loss) == [0.8, 1.1])
    // 50% lower is past it.
    #expect(try diagnose(losses: run(to: 1), repeats: [0.8, 1.1]) { $0.description == "×3" ? 0.35 : 1 }.verdict == .tooSlow)
}

@Test func aSeedThatBlowsUpForbidsAMoveUp() throws {
    // Another seed ends above 10× the first loss (10): the rate diverges, so ×10 helping this
    // seed is not advice to follow; a move down that helps is, and without one, diverged.
    let up = try diagnose(losses: run(to: 1), repeats: [1, 150]) { $0.description == "×10" ? 0.1 : 1 }
    #expect(up.verdict == .diverged && up.learningRateFactor == 0.01)
    #expect(up.cause.contains("the run with seed +2 blew up"), "\(up.cause)")
    let down = try diagnose(losses: run(to: 1), repeats: [.nan, 1]) { change in
        ["×10": 0.1, "÷10": 0.4][change.description] ?? 1
    }
    #expect(down.verdict == .oscillating && down.learningRateFactor == 0.1)
    #expect(down.reruns?.last?.loss == 1 && down.reruns?.dropLast().last?.loss == nil)
}

@Test func theLossThatCountsIsTheBestValidationLossWhenTheRunHasOne() throws {
    #expect(lossThatCounts(losses: [3, 2, 1]) == 1)
    #expect(lossThatCounts(losses: [3, 2, 1], validation: [2.5, 1.5, 1.8]) == 1.5)
    #expect(lossThatCounts(losses: [3, .nan, 1], validation: [2.5, 1.5]).isNaN)
    #expect(lossThatCounts(losses: [3, 2, 1], validation: [2.5, .infinity]).isNaN)
    // A validation loss best at 1.5 (overfitting after): ÷10 must beat 1.5, not the final 2.2.
    let losses = run(to: 0.5)
    let validation = (steps: Array(stride(from: 10, through: 100, by: 10)), losses: [4.0, 2, 1.5, 1.6, 1.7, 1.8, 1.9, 2, 2.1, 2.2])
    let d = try diagnose(losses: losses, validation: validation) { $0.description == "÷10" ? 1.3 : 1.6 }
    #expect(d.verdict == .healthy, "\(d.cause)")
    #expect(d.cause.contains("no best validation loss is lower than 1.5"), "\(d.cause)")
    #expect(d.overfitting != nil)  // the reader's note stays: it is about stopping, not the rate
    let helped = try diagnose(losses: losses, validation: validation) { $0.description == "÷10" ? 1.1 : 1.6 }
    #expect(helped.verdict == .oscillating)
    #expect(helped.cause.contains("the best validation loss is 1.1 instead of 1.5"), "\(helped.cause)")
}

@Test func aRunWhoseLossThatCountsBlewUpIsNotNoise() throws {
    // validation7's Adam at 1 on a regression: this seed's best validation loss is 65.6 (over 10×
    // the first loss, 1.3), the other seeds' 1.02 and 1.11. The blown-up run is not part of the
    // spread, which would otherwise be 64 and hide that ÷10 brings it to 0.03.
    let losses = (0...100).map { 1.3 + 0.5 * sin(Double($0)) }
    let validation = (steps: [50, 100], losses: [70.0, 65.55])
    let d = try diagnose(losses: losses, validation: validation, repeats: [1.024, 1.106]) { change in
        ["÷10": 0.029, "÷100": 0.014, "×3": 12880][change.description] ?? 65.55
    }
    #expect(d.verdict == .diverged && d.learningRateFactor == 0.01, "\(d.cause)")
    let calm = try diagnose(losses: losses, validation: validation, repeats: [1.024, 1.106]) { change in
        change.description == "÷10" ? 0.029 : 65.55
    }
    #expect(calm.verdict == .oscillating, "\(calm.cause)")
    let nothing = try diagnose(losses: losses, validation: validation, repeats: [1.024, 1.106]) { _ in 65.55 }
    #expect(nothing.verdict == .diverged)
    #expect(nothing.cause.contains("the run with this seed blew up"), "\(nothing.cause)")
}

@Test func aRerunThatStoppedBeingFiniteHasANullLossInJSON() throws {
    let rerun = Rerun(change: "×10", factor: 10, fromStep: 0, loss: nil, helped: false)
    let json = String(decoding: try JSONEncoder().encode(rerun), as: UTF8.self)
    #expect(json.contains(#""loss":null"#), "\(json)")
    #expect(try JSONDecoder().decode(Rerun.self, from: Data(json.utf8)) == rerun)
}
