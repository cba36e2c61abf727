/// One verdict on a loss log: what is seen, why, what to change, and the numbers behind it.
///
/// Encodes to the JSON of the `goldilocks diagnose` contract:
/// `{"verdict", "symptom", "cause", "fix", "lr_factor", "decay_now", "evidence"}`, plus
/// `"confidence"`, `"overfitting"` (null unless the validation loss rises after its best),
/// `"did_not_train"` and `"reruns"` (null unless the run was diagnosed by rerunning it, as on a
/// landscape).
public struct Diagnosis: Codable, Sendable, Equatable {
    /// The verdict.
    public var verdict: Verdict
    /// What the curve shows, with its numbers ("loss fell 92%, then stayed flat from step 410").
    public var symptom: String
    /// Why, in terms of the learning rate.
    public var cause: String
    /// What to do.
    public var fix: String
    /// The factor to multiply the learning rate by: 10 or 3 (too slow), 0.1 (oscillating),
    /// 0.01 (diverged), 1 (healthy, and plateau, whose fix is a decay from now on instead).
    public var learningRateFactor: Double
    /// Whether the fix is to start decaying the learning rate now (a schedule), as for a plateau.
    public var decayNow: Bool
    /// The measurements the verdict rests on.
    public var evidence: DiagnosisEvidence
    /// How firmly the evidence supports the verdict; with `low`, the fix is the smaller move.
    public var confidence: Confidence
    /// Set when the validation loss rises after its best: a note beside the verdict, which is
    /// about the learning rate only.
    public var overfitting: Overfitting?
    /// Set on a healthy verdict whose losses did not move: no change of ×3 to ×10 helps
    /// materially, but the rate does not suit the run either (far too small, or too large and
    /// stuck); the fix says to place it with a range test.
    public var didNotTrain: Bool
    /// What each rerun at a changed learning rate did, when the verdict comes from rerunning the
    /// run (`diagnose(losses:rerunning:)`) instead of reading its log.
    public var reruns: [Rerun]?

    /// Makes a diagnosis from its parts.
    public init(
        verdict: Verdict, symptom: String, cause: String, fix: String, learningRateFactor: Double,
        decayNow: Bool, evidence: DiagnosisEvidence, confidence: Confidence = .high, overfitting: Overfitting? = nil,
        didNotTrain: Bool = false, reruns: [Rerun]? = nil
    ) {
        self.verdict = verdict
        self.symptom = symptom
        self.cause = cause
        self.fix = fix
        self.learningRateFactor = learningRateFactor
        self.decayNow = decayNow
        self.evidence = evidence
        self.confidence = confidence
        self.overfitting = overfitting
        self.didNotTrain = didNotTrain
        self.reruns = reruns
    }

    /// Decodes the JSON `encode(to:)` writes, and that of earlier versions, which lacked
    /// `did_not_train` and `reruns`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        verdict = try container.decode(Verdict.self, forKey: .verdict)
        symptom = try container.decode(String.self, forKey: .symptom)
        cause = try container.decode(String.self, forKey: .cause)
        fix = try container.decode(String.self, forKey: .fix)
        learningRateFactor = try container.decode(Double.self, forKey: .learningRateFactor)
        decayNow = try container.decode(Bool.self, forKey: .decayNow)
        evidence = try container.decode(DiagnosisEvidence.self, forKey: .evidence)
        confidence = try container.decode(Confidence.self, forKey: .confidence)
        overfitting = try container.decodeIfPresent(Overfitting.self, forKey: .overfitting)
        didNotTrain = try container.decodeIfPresent(Bool.self, forKey: .didNotTrain) ?? false
        reruns = try container.decodeIfPresent([Rerun].self, forKey: .reruns)
    }

    /// Encodes every key, `overfitting` and `reruns` as null when there are none, so the JSON's shape is fixed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(symptom, forKey: .symptom)
        try container.encode(cause, forKey: .cause)
        try container.encode(fix, forKey: .fix)
        try container.encode(learningRateFactor, forKey: .learningRateFactor)
        try container.encode(decayNow, forKey: .decayNow)
        try container.encode(evidence, forKey: .evidence)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(overfitting, forKey: .overfitting)
        try container.encode(didNotTrain, forKey: .didNotTrain)
        try container.encode(reruns, forKey: .reruns)
    }

    enum CodingKeys: String, CodingKey {
        case verdict, symptom, cause, fix, evidence, confidence, overfitting, reruns
        case learningRateFactor = "lr_factor"
        case decayNow = "decay_now"
        case didNotTrain = "did_not_train"
    }
}

/// How firmly a diagnosis's evidence supports its verdict.
public enum Confidence: String, Codable, Sendable, CaseIterable {
    /// Settled by a rule (a NaN, an explosion, the validation loss), or a probability ≥ 0.7.
    case high
    /// A probability from 0.5 to 0.7.
    case medium
    /// Under even odds: the diagnosis recommends the smaller move, or none.
    case low

    /// The confidence of a verdict the reader gives this probability.
    init(share: Double) {
        self = share >= 0.7 ? .high : share >= 0.5 ? .medium : .low
    }
}
