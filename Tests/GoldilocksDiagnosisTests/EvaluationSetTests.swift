import Foundation
@testable import GoldilocksDiagnosis
import TestSupport
import Testing

/// One run of the evaluation set written by scripts/diagnosis-eval-set.
struct EvaluationRun: Decodable {
    let id: String
    let dataset: String
    let losses: [Double?]
    let lr: Double
    /// The verdicts that agree with the reruns under issue 5's definition (a rerun helps when it
    /// lowers the final loss by over 20%).
    let acceptable: [String]
    /// The reruns that lowered the final loss by over 20%: x10, x100, div10, div100, decay.
    let helped: [String]
    /// The final loss (null: not finite) and each rerun's.
    let finalLoss: Double?
    let interventions: [String: Double?]

    enum CodingKeys: String, CodingKey {
        case id, dataset, losses, lr, acceptable, helped, interventions
        case finalLoss = "final_loss"
    }

    /// The reruns that help under issue 12's definition: they lower the final loss by over 20%
    /// of its value and by over 1% of the starting loss (the first loss, the untrained model's:
    /// a rate far too large blows up the ones after it), so a run already near zero loss has
    /// nothing material left to gain.
    var helpedMaterially: [String] {
        let start = losses.first.flatMap { $0 } ?? .nan
        return helped.filter { name in
            guard let base = finalLoss, let rerun = interventions[name] ?? nil else { return true }
            return base - rerun > 0.01 * start
        }
    }

    /// The verdicts that agree with the reruns under issue 12's definition.
    var acceptableMaterially: [String] {
        var verdicts: Set<String> = losses.contains(where: { $0 == nil }) || finalLoss == nil ? ["diverged"] : []
        for name in helpedMaterially {
            verdicts.formUnion([
                "x10": ["too_slow"], "x100": ["too_slow"], "div10": ["oscillating"],
                "div100": ["oscillating", "diverged"], "decay": ["plateau"],
            ][name] ?? [])
        }
        return verdicts.isEmpty ? ["healthy"] : verdicts.sorted()
    }

    /// Whether `verdict` moves the rate one way while only the other way helped materially (the
    /// worst miss).
    func isOpposite(_ verdict: String) -> Bool { movesOpposite(verdict, helped: helpedMaterially) }
}

/// Whether `verdict` moves the rate up (too_slow) where only reruns that move it down (div10,
/// div100, decay) helped, or down (oscillating, diverged) where only reruns that move it up (x3,
/// x10, x100) helped.
func movesOpposite(_ verdict: String, helped: [String]) -> Bool {
    let up = helped.contains { $0.hasPrefix("x") }
    let down = helped.contains { $0.hasPrefix("div") || $0 == "decay" }
    switch verdict {
    case "too_slow": return down && !up
    case "oscillating", "diverged": return up && !down
    default: return false
    }
}

struct EvaluationSet: Decodable {
    let half: String
    let runs: [EvaluationRun]
}

/// The agreement of `diagnose` with the intervention labels, and its confusion matrix.
struct Agreement {
    var agreed = 0
    var total = 0
    /// Runs told to move the rate up where only down helped, or the reverse.
    var opposite = 0
    /// (first acceptable verdict, predicted verdict) → count.
    var confusion: [String: [String: Int]] = [:]

    var fraction: Double { Double(agreed) / Double(max(total, 1)) }

    /// The agreement over the runs of `set` whose id starts with `prefix` (its source: "pytorch/",
    /// "goldilocks/"), with the labels of issue 12's definition (`material`) or issue 5's.
    init(_ set: EvaluationSet, source prefix: String = "", material: Bool = true) throws {
        for run in set.runs where run.id.hasPrefix(prefix) {
            let losses = run.losses.map { $0 ?? .nan }
            let verdict = try diagnose(
                losses: losses, learningRates: Array(repeating: run.lr, count: losses.count)
            ).verdict.rawValue
            total += 1
            let acceptable = material ? run.acceptableMaterially : run.acceptable
            if acceptable.contains(verdict) { agreed += 1 }
            if run.isOpposite(verdict) {
                opposite += 1
                if ProcessInfo.processInfo.environment["SHOW_OPPOSITE"] != nil {
                    let d = try diagnose(losses: losses)
                    print("OPPOSITE \(run.id) verdict=\(verdict) helped=\(run.helped) acceptable=\(run.acceptable) n=\(losses.count) peak=\(d.evidence.peakOverStart) progress=\(d.evidence.progress) nonfinite=\(String(describing: d.evidence.firstNonFiniteStep)) noise=\(d.evidence.earlyNoise)")
                }
            }
            let label = acceptable.contains(verdict) ? verdict : acceptable.joined(separator: "|")
            confusion[label, default: [:]][verdict, default: 0] += 1
        }
    }

    var table: String {
        let verdicts = ["healthy", "too_slow", "oscillating", "diverged", "plateau"]
        var lines = ["label \\ verdict".padding(toLength: 36, withPad: " ", startingAt: 0)
            + verdicts.map { $0.padding(toLength: 12, withPad: " ", startingAt: 0) }.joined()]
        for label in confusion.keys.sorted() {
            lines.append(label.padding(toLength: 36, withPad: " ", startingAt: 0)
                + verdicts.map { String(confusion[label]?[$0] ?? 0).padding(toLength: 12, withPad: " ", startingAt: 0) }.joined())
        }
        return lines.joined(separator: "\n")
    }
}

/// Floors just under the measured agreement and ceilings on opposite-direction advice
/// (docs/diagnosis.md), scored with issue 12's labels: a rerun counts when it lowers the final
/// loss by over 20% and by over 1% of the starting (first) loss. The reader is trained on all
/// eight splits (with these labels) and on five labelled splits, so these figures show that it
/// fits them, not how it does on data sets it never saw (validation3 and validation7 measure that). An
/// evaluation: 3,224 runs diagnosed, so it runs in the optimised pass.
@Test(.tags(.long), .optimizedOnly, arguments: [
    ("diagnosis-eval-dev", 0.92, 1), ("diagnosis-eval-heldout", 0.94, 0), ("diagnosis-eval-test", 0.90, 0),
    ("diagnosis-eval-test2", 0.96, 0), ("diagnosis-eval-test3", 0.92, 2), ("diagnosis-eval-extra1", 0.93, 2),
    ("diagnosis-eval-extra2", 0.89, 0), ("diagnosis-eval-test4", 0.94, 3),
])
func diagnosisAgreesWithInterventionLabelsOnRealRuns(fixture: String, floor: Double, mostOpposite: Int) throws {
    let set = try loadFixture(EvaluationSet.self, named: fixture, in: Bundle.module)
    let agreement = try Agreement(set)
    let byIssue5 = try Agreement(set, material: false)
    print("\(set.half): \(agreement.agreed)/\(agreement.total) = \(String(format: "%.1f", 100 * agreement.fraction))% agree, \(agreement.opposite) opposite (issue 5's labels: \(String(format: "%.1f", 100 * byIssue5.fraction))%)\n\(agreement.table)")
    for source in ["pytorch/", "goldilocks/"] {
        let part = try Agreement(set, source: source)
        if part.total > 0 { print("\(set.half), \(source.dropLast()) runs: \(part.agreed)/\(part.total)") }
    }
    #expect(agreement.total >= 250)
    #expect(agreement.fraction >= floor)
    #expect(agreement.opposite <= mostOpposite)
}

/// Every verdict is given, rightly, to real runs: at least a few runs for which it is acceptable
/// get it.
@Test(arguments: Verdict.allCases)
func everyVerdictIsGivenRightlyToRealRuns(verdict: Verdict) throws {
    var right = 0
    for name in ["dev", "heldout", "test", "test2", "test3", "extra1", "extra2", "test4"] {
        let set = try loadFixture(EvaluationSet.self, named: "diagnosis-eval-\(name)", in: Bundle.module)
        for run in set.runs where run.acceptable.contains(verdict.rawValue) {
            let losses = run.losses.map { $0 ?? .nan }
            if try diagnose(losses: losses).verdict == verdict { right += 1 }
        }
    }
    #expect(right >= 3, "\(verdict.rawValue): \(right)")
}

/// One run of issue 12's evaluation split (scripts/diagnosis-eval-validation): a training loss and
/// learning rate per step, a validation loss at its own cadence, and labels from reruns that count
/// only when they lower the best validation loss by over 20%, over twice the spread of three seeds
/// and over 1% of the starting loss.
struct ValidationRun: Decodable {
    let id: String
    let losses: [Double?]
    let lr: Double
    /// The learning rate per step; absent when it was constant.
    let lrs: [Double]?
    let valSteps: [Int]
    let valLosses: [Double?]
    let helped: [String]
    let acceptable: [String]

    enum CodingKeys: String, CodingKey {
        case id, losses, lr, lrs, helped, acceptable
        case valSteps = "val_steps"
        case valLosses = "val_losses"
    }

    func diagnosis() throws -> Diagnosis {
        let losses = losses.map { $0 ?? .nan }
        return try diagnose(losses: losses, learningRates: lrs ?? Array(repeating: lr, count: losses.count), validation: validation)
    }

    /// The diagnosis with the reader's vote given and the checks over it chosen.
    func diagnosis(
        checks: DiagnosisRules.Checks, vote: ([Double]) -> (verdict: Verdict, probability: Double)
    ) throws -> Diagnosis {
        let losses = losses.map { $0 ?? .nan }
        return try diagnose(
            losses: losses, learningRates: lrs ?? Array(repeating: lr, count: losses.count), steps: nil,
            validation: validation, checks: checks, vote: vote)
    }

    private var validation: (steps: [Int], losses: [Double])? {
        valSteps.isEmpty ? nil : (steps: valSteps, losses: valLosses.map { $0 ?? .nan })
    }

    /// Whether `verdict` moves the rate up where only a move down helped, or the reverse.
    func isOpposite(_ verdict: String) -> Bool { movesOpposite(verdict, helped: helped) }
}

struct ValidationSet: Decodable {
    let runs: [ValidationRun]
}

/// `diagnose`'s agreement with a split's labels: the share of runs whose verdict is acceptable
/// and the number of opposite verdicts; prints the figures and the confusion table.
func scoreDiagnosis(on set: ValidationSet, named name: String) throws -> (fraction: Double, opposite: Int) {
    var agreed = 0, opposite = 0
    var confusion: [String: [String: Int]] = [:]
    var bySource: [String: (agreed: Int, total: Int)] = [:]
    for run in set.runs {
        let verdict = try run.diagnosis().verdict.rawValue
        let right = run.acceptable.contains(verdict)
        if right { agreed += 1 }
        if run.isOpposite(verdict) {
            opposite += 1
            if ProcessInfo.processInfo.environment["SHOW_OPPOSITE"] != nil {
                print("OPPOSITE \(run.id) verdict=\(verdict) helped=\(run.helped)")
            }
        }
        let source = String(run.id.prefix { $0 != "/" })
        bySource[source, default: (0, 0)].agreed += right ? 1 : 0
        bySource[source, default: (0, 0)].total += 1
        confusion[right ? verdict : run.acceptable.joined(separator: "|"), default: [:]][verdict, default: 0] += 1
    }
    let fraction = Double(agreed) / Double(max(set.runs.count, 1))
    print("\(name): \(agreed)/\(set.runs.count) = \(String(format: "%.1f", 100 * fraction))% agree, \(opposite) opposite; by source \(bySource)")
    for (label, row) in confusion.sorted(by: { $0.key < $1.key }) { print("  \(label): \(row)") }
    return (fraction, opposite)
}

/// Issue 12's targets on the splits the reader never trained on: at least 90% agreement and no
/// opposite-direction advice, over PyTorch runs (constant, warmup-cosine and one-cycle rates) and
/// `goldilocks train` runs, each with a validation loss. The reader learned from validation,
/// validation2, validation4, validation5 and validation6 (40 data sets), its checks chosen out of
/// fold on them. validation3 (four data sets) had scored three earlier readers, so it is not
/// clean: this one gives 91.3% and 0 opposite there. validation7 (eight data sets, fixed in the
/// script before it was generated, kept apart from every choice) scored it once: 81.3% and 0
/// opposite, where the previous reader gives 82.1% and 0. The floors guard those; the agreement
/// target is not met on validation7.
@Test(.tags(.long), .optimizedOnly, arguments: [("diagnosis-eval-validation3", 0.91, 0), ("diagnosis-eval-validation7", 0.81, 0)])
func diagnosisOnTheSplitsItNeverSaw(split: String, floor: Double, mostOpposite: Int) throws {
    let set = try loadFixture(ValidationSet.self, named: split, in: Bundle.module)
    let (fraction, opposite) = try scoreDiagnosis(on: set, named: split)
    #expect(set.runs.count >= 600)
    #expect(fraction >= floor)
    #expect(opposite <= mostOpposite)
    // Where the floors are the targets (validation3) the lines above check them; elsewhere the
    // targets are a known issue, which fails here once it is met, to have its floors raised.
    if floor < 0.90 || mostOpposite > 0 {
        withKnownIssue("issue 12's targets are not met on \(split)") {
            #expect(fraction >= 0.90)
            #expect(opposite == 0)
        }
    }
}
