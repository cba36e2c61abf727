/// One verdict on a loss log: what is seen, why, what to change, and the numbers behind it.
///
/// Encodes to the JSON of the `goldilocks diagnose` contract:
/// `{"verdict", "symptom", "cause", "fix", "lr_factor", "decay_now", "evidence"}`.
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

    /// Makes a diagnosis from its parts.
    public init(
        verdict: Verdict, symptom: String, cause: String, fix: String, learningRateFactor: Double,
        decayNow: Bool, evidence: DiagnosisEvidence
    ) {
        self.verdict = verdict
        self.symptom = symptom
        self.cause = cause
        self.fix = fix
        self.learningRateFactor = learningRateFactor
        self.decayNow = decayNow
        self.evidence = evidence
    }

    enum CodingKeys: String, CodingKey {
        case verdict, symptom, cause, fix, evidence
        case learningRateFactor = "lr_factor"
        case decayNow = "decay_now"
    }
}
