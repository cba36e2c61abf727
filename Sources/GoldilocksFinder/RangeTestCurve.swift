/// A recorded learning-rate range test: the learning rate and the loss (usually smoothed) at each step.
///
/// Learning rates must be finite and positive (every rule reads them on a log axis); losses may be
/// NaN or ±Inf: the suggestion rules stop at the first non-finite loss.
public struct RangeTestCurve: Sendable, Codable, Equatable {
    /// The learning rate of each step, in the order they were tried.
    public let lrs: [Double]
    /// The loss recorded at each step.
    public let losses: [Double]

    /// A curve from equally long arrays of learning rates and losses.
    public init(lrs: [Double], losses: [Double]) throws(CurveError) {
        guard lrs.count == losses.count else { throw .lengthsDiffer(lrs: lrs.count, losses: losses.count) }
        if let row = lrs.firstIndex(where: { !($0.isFinite && $0 > 0) }) {
            throw .badLearningRate(lrs[row], row: row)
        }
        self.lrs = lrs
        self.losses = losses
    }

    /// Decodes `{"lrs": [...], "losses": [...]}` and checks it as `init(lrs:losses:)` does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            lrs: container.decode([Double].self, forKey: .lrs),
            losses: container.decode([Double].self, forKey: .losses))
    }

    /// The number of recorded steps.
    public var count: Int { lrs.count }
}
