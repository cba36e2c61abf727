/// The measurements behind a diagnosis, all taken on the natural log of the loss.
///
/// Levels are medians (of the first few points, of the last tenth), so single noisy mini-batches
/// do not move them. Steps are the log's own step numbers when it has them, else row indices.
public struct DiagnosisEvidence: Codable, Sendable, Equatable {
    /// The number of loss values read.
    public var points: Int
    /// The step of the first NaN or infinite loss, if any.
    public var firstNonFiniteStep: Int?
    /// The first loss of the log: the untrained model's, whose 1% is the least change that counts.
    public var firstLoss: Double
    /// The starting level: the median of the first max(1, min(5, n/20)) losses.
    public var startLoss: Double
    /// The final level: the median of the last max(2, n/10) finite losses.
    public var endLoss: Double
    /// The lowest of the block medians (the log cut into up to 40 equal blocks).
    public var bestLoss: Double
    /// The step at the middle of the block with the lowest median.
    public var bestStep: Int
    /// The largest single loss divided by the starting level (above 1: the loss rose above its start).
    public var peakOverStart: Double
    /// The fraction of the starting loss removed by the end: 1 − end/start (negative: it rose).
    public var progress: Double
    /// The Theil–Sen trend of the block medians over the second half, as the fraction of the loss it
    /// removes over that half: 1 − exp(slope · n/2) (near 0: stalled; negative: rising).
    public var lateProgress: Double
    /// The share of the whole decrease (in log-loss) that the trend of the last quarter still makes:
    /// −(Theil–Sen slope of the block medians over the last quarter) · (n/4) / ln(start/end); 0 when
    /// the loss did not decrease. Large: still falling.
    public var lateShare: Double
    /// The share of the whole decrease (in log-loss) made by the first quarter of the run: small
    /// when a learning rate too small spreads its progress over the whole run; 0 when the loss
    /// fell by less than 5%.
    public var quarterShare: Double
    /// The end level over the best level (above 1: the loss climbed back from its best).
    public var endOverBest: Double
    /// Mini-batch noise in the first half: the robust standard deviation of step-to-step changes
    /// of log-loss, 1.4826 · MAD(Δ log L) / √2, in log units (0.1 ≈ ±10% per step).
    public var earlyNoise: Double
    /// The same noise measure over the second half.
    public var lateNoise: Double
    /// The first step from which the smoothed loss stays within the end level's noise band; nil
    /// when it never settles before the last block (still moving).
    public var stallStep: Int?
    /// The last learning rate of the log, when it has a learning-rate column.
    public var learningRate: Double?
    /// `learningRate` times the diagnosis's factor, when there is a learning rate.
    public var suggestedLearningRate: Double?
    /// The step from which the training loss was read: the peak of a warmup, when the learning
    /// rate warmed up (the loss barely moves while the rate is tiny); nil when read from the start.
    public var readFromStep: Int?
    /// The lowest validation loss and its step, when the log has a validation loss.
    public var validationBestLoss: Double?
    /// The step of `validationBestLoss`.
    public var validationBestStep: Int?
    /// The validation loss at the end: the median of the last fifth of its points.
    public var validationEndLoss: Double?

    enum CodingKeys: String, CodingKey {
        case points, progress
        case firstNonFiniteStep = "first_non_finite_step"
        case firstLoss = "first_loss"
        case startLoss = "start_loss"
        case endLoss = "end_loss"
        case bestLoss = "best_loss"
        case bestStep = "best_step"
        case peakOverStart = "peak_over_start"
        case lateProgress = "late_progress"
        case lateShare = "late_share"
        case quarterShare = "quarter_share"
        case endOverBest = "end_over_best"
        case earlyNoise = "early_noise"
        case lateNoise = "late_noise"
        case stallStep = "stall_step"
        case learningRate = "learning_rate"
        case suggestedLearningRate = "suggested_learning_rate"
        case readFromStep = "read_from_step"
        case validationBestLoss = "val_best_loss"
        case validationBestStep = "val_best_step"
        case validationEndLoss = "val_end_loss"
    }
}
