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

    /// The changes the definition tries on a run of `steps` steps: ×3, ×10, ÷10 and ÷100 over the
    /// whole run, and ÷10 from the middle on (a decay).
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

/// What one rerun at a changed learning rate did: part of a diagnosis made by rerunning.
public struct Rerun: Codable, Sendable, Equatable {
    /// The change, as people read it: "×3", "÷10 from step 150".
    public var change: String
    /// What the learning rate was multiplied by.
    public var factor: Double
    /// The first step run at the changed rate (0: the whole run).
    public var fromStep: Int
    /// The rerun's final loss; nil when it stopped being finite.
    public var finalLoss: Double?
    /// Whether it lowered the final loss by more than the definition's margin.
    public var helped: Bool

    /// A rerun's outcome.
    public init(change: String, factor: Double, fromStep: Int, finalLoss: Double?, helped: Bool) {
        self.change = change
        self.factor = factor
        self.fromStep = fromStep
        self.finalLoss = finalLoss
        self.helped = helped
    }

    enum CodingKeys: String, CodingKey {
        case change, factor, helped
        case fromStep = "from_step"
        case finalLoss = "final_loss"
    }
}

/// Diagnoses a run that can be rerun exactly and cheaply, such as full-batch descent on an
/// analytic landscape, by the verdict's definition itself instead of the reader's estimate.
///
/// The run is rerun with each of `RateChange.tried(steps:)`; a change helps when it lowers the
/// final loss by more than 20% of it and by more than 1% of the first loss (a noiseless run has
/// no spread between seeds). The verdict is that of the change that lowers it most, or healthy
/// when none helps; a run whose loss stopped being finite is diverged, as `diagnose` says, and is
/// not rerun. The confidence is high: nothing is estimated; but a healthy run whose loss did not
/// move by 1% of the first says it did not train, with low confidence, and to place the rate with
/// a range test. The evidence and the description of the curve are `diagnose`'s; the cause names
/// what the reruns did, and `reruns` lists them.
///
/// - Parameters:
///   - losses: the run's loss per step, in order; a NaN or ±infinity when it stopped being finite.
///   - rerun: the final loss of the same run with the learning rate changed (NaN or ±infinity
///     when that run stopped being finite).
/// - Throws: what `diagnose(losses:)` throws, and what `rerun` throws.
public func diagnose(losses: [Double], rerunning rerun: (RateChange) throws -> Double) throws -> Diagnosis {
    var diagnosis = try diagnose(losses: losses)
    guard let first = losses.first, let final = losses.last, losses.allSatisfy(\.isFinite) else { return diagnosis }
    let margin = max(0.2 * abs(final), 0.01 * abs(first))
    var reruns: [(change: RateChange, loss: Double)] = []
    for change in RateChange.tried(steps: losses.count - 1) {
        reruns.append((change, try rerun(change)))
    }
    let helps = { (loss: Double) in loss.isFinite && final - loss > margin }
    diagnosis.reruns = reruns.map { change, loss in
        Rerun(change: change.description, factor: change.factor, fromStep: change.fromStep,
              finalLoss: loss.isFinite ? loss : nil, helped: helps(loss))
    }
    let best = reruns.filter { helps($0.loss) }.min { $0.loss < $1.loss }
    diagnosis.verdict = best?.change.verdict ?? .healthy
    diagnosis.learningRateFactor = best.map { $0.change.fromStep == 0 ? $0.change.factor : 1 } ?? 1
    diagnosis.decayNow = diagnosis.verdict == .plateau
    diagnosis.evidence.suggestedLearningRate = diagnosis.evidence.learningRate.map { $0 * diagnosis.learningRateFactor }
    diagnosis.confidence = .high
    diagnosis.overfitting = nil
    diagnosis.didNotTrain = false
    diagnosis.symptom = DiagnosisRules.movement(diagnosis.evidence)
    let tried = reruns.map(\.change.description).joined(separator: ", ")
    guard let (change, loss) = best else {
        let unhelped = "rerun at \(tried), no final loss is lower than \(DiagnosisRules.short(final)) by more than 20% of it and 1% of the first loss"
        if abs(final - first) <= 0.01 * abs(first) {
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
    let measured = "rerun at \(change), the final loss is \(DiagnosisRules.short(loss)) instead of \(DiagnosisRules.short(final)) (\(DiagnosisRules.fallPercent((final - loss) / abs(final))) lower), the most of \(tried)"
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

