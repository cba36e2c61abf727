import Foundation

/// A change of the learning rate that the verdict's definition tries by rerunning a run: the
/// rate times `factor` from step `fromStep` on, and the verdict whose move it is.
public struct RateChange: Sendable, Equatable, CustomStringConvertible {
    /// What the learning rate is multiplied by.
    public var factor: Double
    /// The first step run at the changed rate: 0 for the whole run, the middle for a decay.
    public var fromStep: Int
    /// The verdict that names this move: too_slow (×3, ×10), oscillating (÷10), diverged (÷100),
    /// plateau (÷10 from the middle on).
    public var verdict: Verdict

    /// The changes the definition tries on a run of `steps` logged losses: ×3, ×10, ÷10 and ÷100
    /// over the whole run, and ÷10 from the middle (step `steps / 2`) on: a decay.
    public static func tried(steps: Int) -> [RateChange] {
        [
            RateChange(factor: 3, fromStep: 0, verdict: .tooSlow),
            RateChange(factor: 10, fromStep: 0, verdict: .tooSlow),
            RateChange(factor: 0.1, fromStep: 0, verdict: .oscillating),
            RateChange(factor: 0.01, fromStep: 0, verdict: .diverged),
            RateChange(factor: 0.1, fromStep: steps / 2, verdict: .plateau),
        ]
    }

    /// "×3", "÷100", "÷10 from step 150".
    public var description: String {
        let amount = factor >= 1 ? "×" + Self.number(factor) : "÷" + Self.number(1 / factor)
        return fromStep == 0 ? amount : "\(amount) from step \(fromStep)"
    }

    private static func number(_ x: Double) -> String { String(format: "%g", x) }
}

/// What one rerun of a diagnosed run did: at a changed learning rate, or unchanged with another
/// seed (which measures the run's own noise).
public struct Rerun: Codable, Sendable, Equatable {
    /// The change, as people read it: "×3", "÷10 from step 150", or "seed +1" for the unchanged
    /// run with the next seed.
    public var change: String
    /// What the learning rate was multiplied by (1 for another seed).
    public var factor: Double
    /// The first step run at the changed rate (0: the whole run).
    public var fromStep: Int
    /// The rerun's loss that counts (`lossThatCounts`); nil when the rerun stopped being finite.
    public var loss: Double?
    /// Whether it lowered the loss that counts by more than the definition's margin (never for
    /// another seed).
    public var helped: Bool

    /// A rerun's outcome.
    public init(change: String, factor: Double, fromStep: Int, loss: Double?, helped: Bool) {
        self.change = change
        self.factor = factor
        self.fromStep = fromStep
        self.loss = loss
        self.helped = helped
    }

    enum CodingKeys: String, CodingKey {
        case change, factor, loss, helped
        case fromStep = "from_step"
    }

    /// Encodes every key, `loss` as null for a rerun that stopped being finite: a fixed shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(change, forKey: .change)
        try container.encode(factor, forKey: .factor)
        try container.encode(fromStep, forKey: .fromStep)
        try container.encode(loss, forKey: .loss)
        try container.encode(helped, forKey: .helped)
    }
}

/// What the verdict's definition improves: the best validation loss when the run has one, else
/// the final training loss; NaN when a loss it depends on is not finite (a run that stopped
/// being finite has no loss that counts).
public func lossThatCounts(losses: [Double], validation: [Double]? = nil) -> Double {
    guard losses.allSatisfy(\.isFinite), let final = losses.last else { return .nan }
    guard let validation, !validation.isEmpty else { return final }
    return validation.allSatisfy(\.isFinite) ? validation.min() ?? .nan : .nan
}

/// Diagnoses a run that can be rerun, by the verdict's definition itself instead of the reader's
/// estimate: which single change of the learning rate improves the loss that counts
/// (`lossThatCounts`) by more than the run's own noise.
///
/// The run is rerun with each of `RateChange.tried(steps:)`. A change helps when it lowers the
/// loss that counts by more than 20% of it, more than twice the spread between the run and its
/// `repeats` (the same run with other seeds), and more than 1% of the first training loss. The
/// verdict is that of the change that lowers it most, or healthy when none helps. A run or repeat
/// that blew up (its loss that counts not finite, or over 10× the first loss) makes the rate one
/// that diverges: only a change down may then be named, else the verdict is diverged. A run whose
/// loss stopped being finite is diverged, as `diagnose` says, and is not rerun.
///
/// The confidence is high: nothing is estimated. A healthy run whose loss did not move by 1% of
/// the first says it did not train, with low confidence, and to place the rate with a range test.
/// The evidence, the description of the curve and the overfitting note are `diagnose`'s; the
/// cause names what the reruns did, and `reruns` lists every rerun, the repeats among them.
///
/// - Parameters:
///   - losses, learningRates, steps, validation: the run, as `diagnose` takes it.
///   - repeats: the loss that counts of the unchanged run with other seeds (NaN or ±infinity for
///     a repeat that stopped being finite); none for a run without noise, such as full-batch
///     descent on an analytic landscape.
///   - rerun: the loss that counts of the same run with the learning rate changed (NaN or
///     ±infinity when that run stopped being finite).
/// - Throws: what `diagnose(losses:)` throws, and what `rerun` throws.
public func diagnose(
    losses: [Double], learningRates: [Double]? = nil, steps: [Int]? = nil,
    validation: (steps: [Int], losses: [Double])? = nil, repeats: [Double] = [],
    rerunning rerun: (RateChange) throws -> Double
) throws -> Diagnosis {
    var diagnosis = try diagnose(losses: losses, learningRates: learningRates, steps: steps, validation: validation)
    let counted = lossThatCounts(losses: losses, validation: validation?.losses)
    guard let first = losses.first, let final = losses.last, counted.isFinite else { return diagnosis }
    let blewUp = { (loss: Double) in !loss.isFinite || (first > 0 && loss > 10 * first) }
    // The spread is over the seeds that did not blow up, this run's among them when it did not.
    let calm = ([counted] + repeats).filter { !blewUp($0) }
    let spread = (calm.max() ?? 0) - (calm.min() ?? 0)
    let margin = max(0.2 * abs(counted), 2 * spread, 0.01 * abs(first))
    let unstable = ([counted] + repeats).contains(where: blewUp)
    var reruns: [(change: RateChange, loss: Double)] = []
    for change in RateChange.tried(steps: losses.count) {
        reruns.append((change, try rerun(change)))
    }
    let helps = { (loss: Double) in loss.isFinite && counted - loss > margin }
    diagnosis.reruns = reruns.map { change, loss in
        Rerun(change: change.description, factor: change.factor, fromStep: change.fromStep,
              loss: loss.isFinite ? loss : nil, helped: helps(loss))
    } + repeats.enumerated().map { index, loss in
        Rerun(change: "seed +\(index + 1)", factor: 1, fromStep: 0, loss: loss.isFinite ? loss : nil, helped: false)
    }
    // A rate that blows up with another seed is never told to go up.
    let best = reruns.filter { helps($0.loss) && (!unstable || $0.change.factor < 1) }.min { $0.loss < $1.loss }
    diagnosis.verdict = best?.change.verdict ?? (unstable ? .diverged : .healthy)
    diagnosis.learningRateFactor = best.map { $0.change.fromStep == 0 ? $0.change.factor : 1 } ?? (unstable ? 0.01 : 1)
    diagnosis.decayNow = diagnosis.verdict == .plateau
    diagnosis.evidence.suggestedLearningRate = diagnosis.evidence.learningRate.map { $0 * diagnosis.learningRateFactor }
    diagnosis.confidence = .high
    diagnosis.didNotTrain = false
    diagnosis.symptom = DiagnosisRules.movement(diagnosis.evidence)
    let name = validation.map { $0.losses.isEmpty } == false ? "best validation loss" : "final loss"
    let tried = reruns.map(\.change.description).joined(separator: ", ")
    let noise = repeats.isEmpty ? "" : ", twice the spread between seeds (\(DiagnosisRules.short(spread)) over \(repeats.count + 1) seeds)"
    let unhelped = "rerun at \(tried), no \(name) is lower than \(DiagnosisRules.short(counted)) by more than 20% of it\(noise) and 1% of the first loss"
    guard let (change, loss) = best else {
        if unstable {
            let seeds = ([counted] + repeats).enumerated().filter { blewUp($0.element) }
                .map { $0.offset == 0 ? "this seed" : "seed +\($0.offset)" }.joined(separator: " and ")
            diagnosis.cause = "the learning rate is too large to be safe: the run with \(seeds) blew up (its \(name) over 10× the first loss, or not finite), and \(unhelped)"
            diagnosis.fix = "divide the learning rate by 100"
        } else if abs(final - first) <= 0.01 * abs(first) {
            // Nothing moved, and no move of up to ×10 or ÷100 helps: healthy by the definition, but
            // not a rate that suits the run.
            diagnosis.confidence = .low
            diagnosis.didNotTrain = true
            diagnosis.symptom += ": the run did not train"
            diagnosis.cause = "the rate is likely far too small, or too large and stuck: \(unhelped)"
            diagnosis.fix = "place the rate with a range test (goldilocks find); ×10 alone will not help materially"
        } else {
            diagnosis.cause = "the learning rate suits this run: \(unhelped)"
            diagnosis.fix = "keep the learning rate"
        }
        return diagnosis
    }
    let measured = "rerun at \(change), the \(name) is \(DiagnosisRules.short(loss)) instead of \(DiagnosisRules.short(counted)) (\(DiagnosisRules.fallPercent((counted - loss) / abs(counted))) lower), the most of \(tried)"
    (diagnosis.cause, diagnosis.fix) = switch change.verdict {
    case .tooSlow: ("the learning rate is too small: \(measured)", "multiply the learning rate by \(String(format: "%g", change.factor))")
    case .oscillating: ("the learning rate is too large: \(measured)", "divide the learning rate by 10")
    case .diverged: ("the learning rate is far too large: \(measured)", "divide the learning rate by 100")
    case .plateau: ("the learning rate was good and is then too large to settle lower: \(measured)",
                    "decay the learning rate (÷10 from step \(change.fromStep) on)")
    case .healthy: (diagnosis.cause, diagnosis.fix)  // no change names healthy
    }
    return diagnosis
}
