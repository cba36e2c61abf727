import Foundation
import Testing

@testable import GoldilocksDiagnosis

/// The numbers a symptom states, read back from its text: "fell 71%" → ("fell", 71).
private func percents(after word: String, in text: String) -> [Double] {
    var found: [Double] = []
    var rest = Substring(text)
    while let range = rest.range(of: word) {
        rest = rest[range.upperBound...]
        let digits = rest.prefix { $0.isNumber || $0 == "." }
        if let value = Double(digits), rest.dropFirst(digits.count).first == "%" { found.append(value) }
    }
    return found
}

/// Deterministic noise in [-1, 1).
private func noise(_ i: Int) -> Double {
    var x = UInt64(truncatingIfNeeded: i) &* 0x9E37_79B9_7F4A_7C15
    x ^= x >> 31
    x = x &* 0xBF58_476D_1CE4_E5B9
    return Double(x >> 11) / Double(1 << 52) - 1
}

@Suite("what a diagnosis says")
struct DiagnosisRulesTests {
    @Test func aFallIsStatedAsAFallWithTheEvidencesPercentage() throws {
        let d = try diagnose(losses: (0..<400).map { 2.3 * exp(-1.2 * Double($0) / 400) * exp(0.01 * noise($0)) })
        let e = d.evidence
        #expect(!d.symptom.contains("-"), "no negative percentages: \(d.symptom)")
        #expect(percents(after: "fell ", in: d.symptom).first == (100 * (1 - e.endLoss / e.startLoss)).rounded())
        #expect(d.symptom.contains("medians of the first 5 and the last 40 losses"))
    }

    @Test func aRiseIsStatedAsARise() throws {
        // A loss that creeps up 8%: never "-8% lower".
        let d = try diagnose(losses: (0..<300).map { 1.2 * (1 + 0.08 * Double($0) / 300) * exp(0.02 * noise($0)) })
        let e = d.evidence
        #expect(e.endLoss > e.startLoss)
        #expect(!d.symptom.contains("lower") && !d.symptom.contains("-"), "\(d.symptom)")
        #expect(percents(after: "rose ", in: d.symptom).first == (100 * (e.endLoss / e.startLoss - 1)).rounded(), "\(d.symptom)")
    }

    @Test func levelsUnderOnePercentOfTheFirstLossAreNotStatedAsARatio() throws {
        // One-cycle on a small set (as `train --data wine --lr auto`): from the rate's peak on the
        // training loss sits near zero and creeps from 2e-6 to 5e-4. "Rose 255×" would be true of
        // the medians and misleading; the symptom says where they sit and where they were read.
        let n = 100
        let rates: [Double] = (0..<n).map { (i: Int) -> Double in
            i <= 30 ? 0.001 + 0.03 * Double(i) / 30 : 0.031 * Double(n - i) / 70
        }
        let losses: [Double] = (0..<n).map { (i: Int) -> Double in
            if i < 30 { return 1.4 * exp(-Double(i) / 3) }
            return 2e-6 * pow(250, Double(i - 30) / 69) * exp(0.1 * noise(i))
        }
        let steps = Array(stride(from: 4, to: n, by: 5))
        let validation: [Double] = steps.map { (s: Int) -> Double in
            s < 25 ? 1.1 * exp(-Double(s) / 8) : 0.09 * (1 + Double(s - 25) / 10)
        }
        let d = try diagnose(losses: losses, learningRates: rates, validation: (steps, validation))
        #expect(!d.symptom.contains("rose "), "\(d.symptom)")
        #expect(d.symptom.contains("loss stayed below 1% of its first value 1.4: from "), "\(d.symptom)")
        #expect(d.symptom.contains("from step 30, the rate's peak, on)"), "\(d.symptom)")
    }

    @Test func anExplosionSaysHowFarItRoseWithoutContradictingItself() throws {
        let losses: [Double] = (0..<200).map { (i: Int) -> Double in
            let t = Double(i)
            return i < 100 ? 6.0 - t / 100 : 6.0 * pow(10.0, (t - 100) / 5)
        }
        let d = try diagnose(losses: Array(losses.prefix(120)) + Array(repeating: 19.1, count: 80))
        #expect(d.verdict == .diverged)
        #expect(!d.symptom.contains("lower") && !d.symptom.contains("-"), "\(d.symptom)")
        #expect(d.symptom.contains("rose"))
    }

    @Test func aStraightLineStatesTheFirstQuartersShareOnTheLossItself() throws {
        // From 2.0 to 0.5 in a straight line: a quarter of the run makes a quarter of the fall.
        let losses = (0..<400).map { 2.0 - 1.5 * Double($0) / 399 }
        let d = try diagnose(losses: losses)
        let e = d.evidence
        let share = DiagnosisRules.firstQuarterShare(e)
        #expect(abs(share - 0.25) < 0.03, "\(share)")
        // quarter_share stays on log-loss (a measurement the reader reads); the text converts it.
        #expect(e.quarterShare < 0.2)
        let stated = percents(after: "first quarter made ", in: d.symptom) + percents(after: "first quarter of the run made only ", in: d.symptom)
        if d.verdict == .tooSlow && d.learningRateFactor == 3 {
            #expect(stated == [(100 * share).rounded()], "\(d.symptom)")
        }
        if e.lateShare >= 0.05 {
            #expect(percents(after: "still fell ", in: d.symptom) == [(100 * DiagnosisRules.lastQuarterFall(e)).rounded()])
        }
    }

    @Test func noiseIsStatedAsAPercentageStepToStep() throws {
        let d = try diagnose(losses: (0..<500).map { 2.3 * exp(-3 * Double($0) / 500) * exp(0.12 * noise($0)) })
        let stated = percents(after: "noise ±", in: d.symptom)
        #expect(d.verdict != .plateau && d.verdict != .diverged)
        #expect(stated == [(100 * (exp(d.evidence.lateNoise) - 1)).rounded()], "\(d.symptom)")
        #expect(!d.symptom.contains("per step"))
    }

    @Test func theFixNamesTheRateItAppliesTo() throws {
        let slow = try diagnose(
            losses: (0..<400).map { 2.3 - 0.1 * Double($0) / 400 }, learningRates: Array(repeating: 1e-4, count: 400))
        #expect(slow.fix.hasSuffix("from 0.0001 to 0.001"), "\(slow.fix)")
        // A guard's rescue lowered 10 to 1 at step 50: the advice applies to 1, and says so.
        let losses = (0..<200).map { i in i == 49 ? Double.infinity : 2.3 }
        let rates = (0..<200).map { $0 < 50 ? 10.0 : 1.0 }
        let rescued = try diagnose(losses: losses, learningRates: rates)
        #expect(rescued.verdict == .diverged)
        #expect(rescued.fix.contains("from the last rate, 1 (lowered from 10 during the run), to 0.01"), "\(rescued.fix)")
        #expect(rescued.evidence.suggestedLearningRate == 0.01)
        // A schedule: the advice scales the schedule.
        let scheduled = (0..<400).map { 1e-3 * (0.5 + 0.5 * cos(Double.pi * Double($0) / 400)) + 1e-6 }
        let spiky = try diagnose(losses: (0..<400).map { $0 == 200 ? .nan : 2.0 }, learningRates: [1e-4] + scheduled.dropFirst())
        #expect(spiky.fix.contains("scale the schedule, its peak from"), "\(spiky.fix)")
    }

    @Test func aDivergedRunThatNeverRoseIsNotSaidToHaveShotUp() throws {
        // The reader calls some finite runs diverged that never rose (stuck high at a rate far too
        // large): their words must not claim a rise the evidence does not show.
        var e = try diagnose(losses: (0..<300).map { 1.2 * exp(0.02 * noise($0)) }).evidence
        e.peakOverStart = 1.05
        let text = DiagnosisRules.explanation(.diverged, factor: 0.01, evidence: e)
        #expect(!text.symptom.contains("shot up"), "\(text.symptom)")
        #expect(text.symptom.contains("reads as a rate far too large") && text.fix.contains("divide the learning rate by 100"))
        e.peakOverStart = 4
        #expect(DiagnosisRules.explanation(.diverged, factor: 0.01, evidence: e).symptom.contains("shot up to 4×"))
    }
}
