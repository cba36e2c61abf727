import GoldilocksSpec

/// How to change the learning rate when the batch size changes.
public enum BatchSizeScalingRule: String, Codable, Sendable, CaseIterable {
    /// `lr · B₂/B`: Goyal et al. 2017 ("Accurate, Large Minibatch SGD"), for SGD.
    case linear
    /// `lr · √(B₂/B)`: Krizhevsky 2014 ("One weird trick…") and Hoffer et al. 2017, keeps the
    /// gradient noise the same; the usual choice for adaptive optimizers (Adam).
    case sqrt

    /// Where the rule comes from, as the CLI prints it.
    public var reference: String {
        switch self {
        case .linear: "linear scaling rule (Goyal et al. 2017), for SGD"
        case .sqrt: "square-root scaling rule (Krizhevsky 2014; Hoffer et al. 2017), for adaptive optimizers such as Adam"
        }
    }
}

/// The learning rate for `newBatchSize` when `learningRate` worked for `batchSize`.
///
/// `lr · (B₂/B)` (linear) or `lr · √(B₂/B)` (sqrt). Throws unless all inputs are positive and finite.
public func scaledLearningRate(
    _ learningRate: Double, batchSize: Int, newBatchSize: Int, rule: BatchSizeScalingRule = .linear
) throws(SpecError) -> Double {
    guard learningRate > 0, learningRate.isFinite else { throw SpecError.outOfRange(owner: nil, parameter: "the learning rate", requirement: "a positive number", value: "\(learningRate)") }
    guard batchSize > 0 else { throw SpecError.outOfRange(owner: nil, parameter: "the batch size", requirement: "positive", value: "\(batchSize)") }
    guard newBatchSize > 0 else { throw SpecError.outOfRange(owner: nil, parameter: "the new batch size", requirement: "positive", value: "\(newBatchSize)") }
    let ratio = Double(newBatchSize) / Double(batchSize)
    switch rule {
    case .linear: return learningRate * ratio
    case .sqrt: return learningRate * ratio.squareRoot()
    }
}
