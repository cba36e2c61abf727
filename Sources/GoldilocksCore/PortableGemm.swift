/// The portable matrix product: Double (gradient checks), and Float on CPUs without AVX2/FMA.
/// Package-level so tests check it on every machine.
///
/// Row-major throughout. Each case is arranged so the innermost loop runs over contiguous
/// memory: `C[i,:] += a * B[p,:]` (which the compiler vectorises) for NN and TN, and SIMD dot
/// products of rows for NT.
@_specialize(where T == Float)
@_specialize(where T == Double)
package func portableGemm<T: MatrixScalar>(
    _ transA: Transpose, _ transB: Transpose, m: Int, n: Int, k: Int,
    alpha: T, _ a: UnsafePointer<T>, lda: Int, _ b: UnsafePointer<T>, ldb: Int,
    beta: T, _ c: UnsafeMutablePointer<T>, ldc: Int
) {
    // Scale (or clear) C first; with beta == 0 it must not be read.
    for i in 0..<m {
        let row = c + i * ldc
        if beta == 0 {
            row.update(repeating: 0, count: n)
        } else if beta != 1 {
            for j in 0..<n { row[j] *= beta }
        }
    }
    if k == 0 || alpha == 0 { return }
    switch (transA, transB) {
    case (.none, .none):
        for i in 0..<m {
            let row = c + i * ldc
            for p in 0..<k { axpy(alpha * a[i * lda + p], b + p * ldb, row, n) }
        }
    case (.transposed, .none):
        for p in 0..<k {
            let bRow = b + p * ldb
            for i in 0..<m { axpy(alpha * a[p * lda + i], bRow, c + i * ldc, n) }
        }
    case (.none, .transposed):
        for i in 0..<m {
            let aRow = a + i * lda
            for j in 0..<n { c[i * ldc + j] += alpha * dot(aRow, b + j * ldb, k) }
        }
    case (.transposed, .transposed):
        for i in 0..<m {
            for j in 0..<n {
                var sum: T = 0
                for p in 0..<k { sum += a[p * lda + i] * b[j * ldb + p] }
                c[i * ldc + j] += alpha * sum
            }
        }
    }
}

/// `y += s * x` over `count` contiguous elements.
@inline(__always)
private func axpy<T: MatrixScalar>(_ s: T, _ x: UnsafePointer<T>, _ y: UnsafeMutablePointer<T>, _ count: Int) {
    if s == 0 { return }
    for j in 0..<count { y[j] += s * x[j] }
}

/// The dot product of two contiguous vectors, with eight independent partial sums so the
/// loop vectorises despite floating-point addition not being associative.
@inline(__always)
private func dot<T: MatrixScalar>(_ x: UnsafePointer<T>, _ y: UnsafePointer<T>, _ count: Int) -> T {
    var partial = SIMD8<T>()
    var j = 0
    while j + 8 <= count {
        let xv = UnsafeRawPointer(x + j).loadUnaligned(as: SIMD8<T>.self)
        let yv = UnsafeRawPointer(y + j).loadUnaligned(as: SIMD8<T>.self)
        partial += xv * yv
        j += 8
    }
    var sum = partial.sum()
    while j < count {
        sum += x[j] * y[j]
        j += 1
    }
    return sum
}
