/// Parameters of the suggestion rules; the defaults are the libraries' own.
public struct SuggestionOptions: Sendable, Codable, Equatable {
    /// The `num_it` fastai's `lr_find` trims with (it drops the first `num_it // 10` rows);
    /// `nil` uses the curve's row count.
    public var numIterations: Int?
    /// fastai `slide`'s `lr_diff`: the width of the sliding window, 15.
    public var slideWindow: Int
    /// fastai `slide`'s `thresh`: how close (in loss units per step) the gradients at the window's
    /// ends must be, 0.005.
    public var slideThreshold: Double
    /// fastai `slide`'s `adjust_value`: a factor applied to the learning rate found, 1.
    public var slideAdjustment: Double
    /// torch-lr-finder `plot`'s `skip_start`, 10.
    public var steepestSkipStart: Int
    /// torch-lr-finder `plot`'s `skip_end`, 5.
    public var steepestSkipEnd: Int

    /// Options; every default is the one of fastai (`slide`) or torch-lr-finder (`steepest`).
    public init(
        numIterations: Int? = nil, slideWindow: Int = 15, slideThreshold: Double = 0.005,
        slideAdjustment: Double = 1, steepestSkipStart: Int = 10, steepestSkipEnd: Int = 5
    ) {
        self.numIterations = numIterations
        self.slideWindow = slideWindow
        self.slideThreshold = slideThreshold
        self.slideAdjustment = slideAdjustment
        self.steepestSkipStart = steepestSkipStart
        self.steepestSkipEnd = steepestSkipEnd
    }
}
