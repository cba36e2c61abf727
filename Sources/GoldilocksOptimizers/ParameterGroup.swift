/// A contiguous range of the flat parameter buffer with its own hyper-parameters: one entry of
/// PyTorch's `optimizer.param_groups`.
public struct ParameterGroup<Hyperparameters: OptimizerHyperparameters>: Sendable, Equatable, Codable {
    /// The indices of the flat buffer this group updates.
    public let range: Range<Int>
    /// The group's hyper-parameters, read afresh every step.
    public var hyperparameters: Hyperparameters

    public init(range: Range<Int>, hyperparameters: Hyperparameters) {
        self.range = range
        self.hyperparameters = hyperparameters
    }
}

/// Why `ranges` cannot be the parameter groups of a buffer of `parameterCount` values, or `nil`
/// when they can: each range must lie inside the buffer and no two may overlap (indices outside
/// every group are left alone, like parameters not given to a PyTorch optimizer).
func groupRangeProblem(_ ranges: [Range<Int>], parameterCount: Int) -> OptimizerError? {
    guard parameterCount >= 0 else { return .parameterCount(parameterCount) }
    var previous: Range<Int>?
    for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
        if range.lowerBound < 0 || range.upperBound > parameterCount {
            return .groupOutside(range, parameterCount: parameterCount)
        }
        if let previous, range.lowerBound < previous.upperBound { return .groupsOverlap(previous, range) }
        previous = range
    }
    return nil
}

/// Throws unless `groups` can be the parameter groups of `parameterCount` values and each
/// group's hyper-parameters are ones PyTorch's constructor accepts.
func checkGroups<H: OptimizerHyperparameters>(_ groups: [ParameterGroup<H>], parameterCount: Int) throws(OptimizerError) {
    if let problem = groupRangeProblem(groups.map(\.range), parameterCount: parameterCount) { throw problem }
    for group in groups { try group.hyperparameters.check() }
}

/// Runs `update` on the buffers of a safe `step` once their lengths are checked against
/// `parameterCount`.
@inline(__always)
func withCheckedBuffers<Scalar>(
    _ parameters: inout [Scalar], _ gradients: [Scalar], parameterCount: Int,
    _ update: (UnsafeMutableBufferPointer<Scalar>, UnsafeBufferPointer<Scalar>) -> Void
) throws(OptimizerError) {
    guard parameters.count == parameterCount && gradients.count == parameterCount else {
        throw .bufferSize(expected: parameterCount, parameters: parameters.count, gradients: gradients.count)
    }
    parameters.withUnsafeMutableBufferPointer { p in gradients.withUnsafeBufferPointer { g in update(p, g) } }
}
