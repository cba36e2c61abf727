/// A rule that picks a learning rate from a range-test curve.
///
/// fastai's rules (`valley`, `steep`, `minimum`, `slide`) see the curve as `Learner.lr_find` hands
/// it to them: without the first `num_it // 10` and the last 5 rows, and stopped before the first
/// non-finite loss. torch-lr-finder's `steepest` skips the first 10 and the last 5 rows
/// (`LRFinder.plot`), and also stops before the first non-finite loss.
public enum SuggestionMethod: String, CaseIterable, Codable, Sendable {
    /// fastai's default: about halfway along the longest strictly decreasing run of losses
    /// (a subsequence, not necessarily contiguous).
    case valley
    /// fastai: the left end of the interval where the loss falls fastest per unit of log learning rate.
    case steep
    /// fastai: a tenth of the learning rate at the lowest loss.
    case minimum
    /// fastai: slides a window back from the end until the gradients at its ends agree.
    case slide
    /// torch-lr-finder: the step where `np.gradient` of the loss (over the index) is most negative.
    case steepest

    /// Why this rule picks what it picks, in a few words.
    public var rationale: String {
        switch self {
        case .valley: "middle of the longest descent"
        case .steep: "where the loss falls fastest per decade of learning rate"
        case .minimum: "a tenth of the learning rate at the lowest loss"
        case .slide: "last point before the slope starts to change, seen from the divergence"
        case .steepest: "steepest drop per step, torch-lr-finder's rule"
        }
    }

    /// The library whose rule this is.
    public var origin: String {
        self == .steepest ? "torch-lr-finder" : "fastai"
    }
}
