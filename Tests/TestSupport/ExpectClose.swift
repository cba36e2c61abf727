import Testing

/// Expects `actual` within `rtol * |expected| + atol` of `expected`, reporting at the caller.
public func expectClose(
    _ actual: Double, _ expected: Double, rtol: Double = 1e-6, atol: Double = 0,
    _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
    if actual.isNaN && expected.isNaN { return }
    let ok = actual == expected || abs(actual - expected) <= rtol * abs(expected) + atol
    #expect(ok, "\(actual) is not within rtol \(rtol), atol \(atol) of \(expected)\(comment.map { ": \($0)" } ?? "")", sourceLocation: sourceLocation)
}

/// `expectClose` for each pair of two equally long sequences.
public func expectClose(
    _ actual: [Double], _ expected: [Double], rtol: Double = 1e-6, atol: Double = 0,
    _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(actual.count == expected.count, "lengths differ: \(actual.count) vs \(expected.count)", sourceLocation: sourceLocation)
    for (i, (a, e)) in zip(actual, expected).enumerated() {
        expectClose(a, e, rtol: rtol, atol: atol, "index \(i)\(comment.map { ": \($0)" } ?? "")", sourceLocation: sourceLocation)
    }
}
