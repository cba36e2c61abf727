internal import GoldilocksKernels

/// Whether GoldilocksKernels' AVX update runs on this CPU, checked once.
private let hasAVX2 = goldilocks_avx2_fma_supported() != 0

/// Adam's (and AdamW's) update for Float parameters, eight lanes at a time.
///
/// The same IEEE operations in the same order as `Adam`'s scalar loop, so the results are
/// identical bit for bit; written with explicit SIMD because the compiler leaves the scalar loop
/// unvectorised (its divide and square root then dominate a training step). On CPUs with AVX2
/// the eight lanes are one AVX register (GoldilocksKernels' assembly) instead of two SSE ones.
func adamFloatKernel(
    _ p: UnsafeMutablePointer<Float>, _ grad: UnsafePointer<Float>, _ m: UnsafeMutablePointer<Float>,
    _ v: UnsafeMutablePointer<Float>, count: Int, keep: Float, weight: Float, beta2: Float, oneMinusBeta2: Float,
    negativeStepSize: Float, correction2: Float, eps: Float
) {
    if hasAVX2 {
        goldilocks_adam(p, grad, m, v, count, keep, weight, beta2, oneMinusBeta2, negativeStepSize, correction2, eps)
        return
    }
    typealias Lanes = SIMD8<Float>
    var i = 0
    while i + 8 <= count {
        let g = UnsafeRawPointer(grad + i).loadUnaligned(as: Lanes.self)
        let mOld = UnsafeRawPointer(m + i).loadUnaligned(as: Lanes.self)
        let vOld = UnsafeRawPointer(v + i).loadUnaligned(as: Lanes.self)
        let pOld = UnsafeRawPointer(p + i).loadUnaligned(as: Lanes.self)
        let mNew = mOld + weight * (g - mOld)
        let vNew = vOld * beta2 + oneMinusBeta2 * g * g
        let pNew = pOld * keep + negativeStepSize * mNew / (vNew.squareRoot() / correction2 + eps)
        UnsafeMutableRawPointer(m + i).storeBytes(of: mNew, as: Lanes.self)
        UnsafeMutableRawPointer(v + i).storeBytes(of: vNew, as: Lanes.self)
        UnsafeMutableRawPointer(p + i).storeBytes(of: pNew, as: Lanes.self)
        i += 8
    }
    while i < count {
        let g = grad[i]
        let mi = m[i] + weight * (g - m[i])
        let vi = v[i] * beta2 + oneMinusBeta2 * g * g
        m[i] = mi
        v[i] = vi
        p[i] = p[i] * keep + negativeStepSize * mi / (vi.squareRoot() / correction2 + eps)
        i += 1
    }
}

/// One Adam update over a Float buffer, as plain pointers and scalars so it can be handed to
/// another thread without allocating.
struct AdamFloatJob: @unchecked Sendable {  // the pointers are used on disjoint ranges only
    var p: UnsafeMutablePointer<Float>
    var grad: UnsafePointer<Float>
    var m: UnsafeMutablePointer<Float>
    var v: UnsafeMutablePointer<Float>
    var count: Int
    var keep, weight, beta2, oneMinusBeta2, negativeStepSize, correction2, eps: Float

    /// Updates half 0 or 1 of the elements (split on a multiple of 64), or all of them for nil.
    func run(half: Int?) {
        let split = (count / 2) & ~63
        let (start, length) = half.map { $0 == 0 ? (0, split) : (split, count - split) } ?? (0, count)
        adamFloatKernel(
            p + start, grad + start, m + start, v + start, count: length, keep: keep, weight: weight, beta2: beta2,
            oneMinusBeta2: oneMinusBeta2, negativeStepSize: negativeStepSize, correction2: correction2, eps: eps)
    }
}
