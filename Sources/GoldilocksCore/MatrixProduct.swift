internal import GoldilocksKernels

/// Whether a matrix operand is used as stored or transposed.
package enum Transpose: Sendable {
    case none, transposed
}

/// Which implementation computes matrix products.
public enum MatrixBackend: Sendable, Equatable, CustomStringConvertible {
    /// The system BLAS (OpenBLAS where installed), found at run time.
    case blas
    /// The built-in kernels: AVX2/FMA assembly for Float on x86-64 CPUs that have it, portable
    /// Swift otherwise (Double, other CPUs).
    case builtIn

    /// The built-in kernels on CPUs with AVX2/FMA (on this network's products they measured as
    /// fast as single-threaded OpenBLAS or faster); elsewhere the system BLAS where there is one
    /// (OpenBLAS; Accelerate on macOS), else the portable built-in kernels.
    public static var preferred: MatrixBackend { BuiltInKernel.hasAVX2 || BLASLibrary.shared == nil ? .builtIn : .blas }

    /// Whether a system BLAS was found.
    public static var blasAvailable: Bool { BLASLibrary.shared != nil }

    public var description: String {
        switch self {
        case .blas: "BLAS (\(BLASLibrary.shared?.name ?? "not found"))"
        case .builtIn: BuiltInKernel.hasAVX2 ? "built-in kernels (AVX2/FMA)" : "built-in kernels (portable)"
        }
    }
}

/// A floating-point type with BLAS and built-in matrix products: `Float` (networks) and
/// `Double` (gradient checks).
public protocol MatrixScalar: BinaryFloatingPoint, SIMDScalar, Sendable, Codable {}

extension Float: MatrixScalar {}
extension Double: MatrixScalar {}

/// `C = alpha * op(A) * op(B) + beta * C` on row-major matrices, BLAS's `gemm`.
///
/// `op(A)` is m×k, `op(B)` is k×n and `C` is m×n; `lda`, `ldb` and `ldc` are the row strides of
/// the matrices as stored. With `beta == 0`, `C` is only written, never read (so it may hold NaN).
/// Package-level: the networks call it on their own buffers; users train through `MLP`.
@_specialize(exported: true, where T == Float)
@_specialize(exported: true, where T == Double)
package func gemm<T: MatrixScalar>(
    _ transA: Transpose, _ transB: Transpose, m: Int, n: Int, k: Int,
    alpha: T, _ a: UnsafePointer<T>, lda: Int, _ b: UnsafePointer<T>, ldb: Int,
    beta: T, _ c: UnsafeMutablePointer<T>, ldc: Int, backend: MatrixBackend = .preferred
) {
    if m == 0 || n == 0 { return }
    // Large products are split across this thread and the paired one, by rows or columns of C:
    // each half is an independent product, so the result is the same as one call's.
    if max(m, n) >= 64 && m * n * k >= 1 << 17 {
        var halves = GemmHalves(
            transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
            beta: beta, c: c, ldc: ldc, backend: backend)
        // The job reads the context as GemmHalves<Float> or <Double>, matching T.
        let job = T.self == Float.self ? floatGemmHalf : doubleGemmHalf
        withUnsafePointer(to: &halves) { PairedThread.shared.run(job, context: UnsafeRawPointer($0)) }
        return
    }
    singleGemm(transA, transB, m: m, n: n, k: k, alpha: alpha, a, lda: lda, b, ldb: ldb, beta: beta, c, ldc: ldc, backend: backend)
}

/// Half of a Float product, as a C function a paired thread can call (C functions cannot be generic).
private let floatGemmHalf: HalfJob = { context, half in
    context.assumingMemoryBound(to: GemmHalves<Float>.self).pointee.run(half: half)
}

/// Half of a Double product.
private let doubleGemmHalf: HalfJob = { context, half in
    context.assumingMemoryBound(to: GemmHalves<Double>.self).pointee.run(half: half)
}

/// One matrix product cut into two along the longer side of C (split on a multiple of 16), so
/// the operand both halves read whole, and pack, is the smaller one.
struct GemmHalves<T: MatrixScalar> {
    var transA, transB: Transpose
    var m, n, k: Int
    var alpha: T
    var a: UnsafePointer<T>
    var lda: Int
    var b: UnsafePointer<T>
    var ldb: Int
    var beta: T
    var c: UnsafeMutablePointer<T>
    var ldc: Int
    var backend: MatrixBackend

    func run(half: Int) {
        if m > n {
            let split = (m / 2) & ~15
            let (first, count) = half == 0 ? (0, split) : (split, m - split)
            // Rows of op(A) start at row `first` of A, or at column `first` of a transposed A.
            let aHalf = transA == .none ? a + first * lda : a + first
            singleGemm(
                transA, transB, m: count, n: n, k: k, alpha: alpha, aHalf, lda: lda, b, ldb: ldb, beta: beta,
                c + first * ldc, ldc: ldc, backend: backend)
        } else {
            let split = (n / 2) & ~15
            let (first, count) = half == 0 ? (0, split) : (split, n - split)
            // Columns of op(B) start at column `first` of B, or at row `first` of a transposed B.
            let bHalf = transB == .none ? b + first : b + first * ldb
            singleGemm(
                transA, transB, m: m, n: count, k: k, alpha: alpha, a, lda: lda, bHalf, ldb: ldb, beta: beta, c + first,
                ldc: ldc, backend: backend)
        }
    }
}

/// `gemm` on the calling thread alone.
@_specialize(where T == Float)
@_specialize(where T == Double)
func singleGemm<T: MatrixScalar>(
    _ transA: Transpose, _ transB: Transpose, m: Int, n: Int, k: Int,
    alpha: T, _ a: UnsafePointer<T>, lda: Int, _ b: UnsafePointer<T>, ldb: Int,
    beta: T, _ c: UnsafeMutablePointer<T>, ldc: Int, backend: MatrixBackend
) {
    if backend == .blas, let library = BLASLibrary.shared {
        let rowMajor: Int32 = 101, noTrans: Int32 = 111, trans: Int32 = 112
        let (ta, tb) = (transA == .none ? noTrans : trans, transB == .none ? noTrans : trans)
        let (m, n, k, lda, ldb, ldc) = (Int32(m), Int32(n), Int32(k), Int32(lda), Int32(ldb), Int32(ldc))
        // The branches fold away in each specialisation.
        if T.self == Float.self {
            library.sgemm(
                rowMajor, ta, tb, m, n, k, Float(alpha), UnsafeRawPointer(a).assumingMemoryBound(to: Float.self), lda,
                UnsafeRawPointer(b).assumingMemoryBound(to: Float.self), ldb, Float(beta),
                UnsafeMutableRawPointer(c).assumingMemoryBound(to: Float.self), ldc)
            return
        }
        if T.self == Double.self {
            library.dgemm(
                rowMajor, ta, tb, m, n, k, Double(alpha), UnsafeRawPointer(a).assumingMemoryBound(to: Double.self), lda,
                UnsafeRawPointer(b).assumingMemoryBound(to: Double.self), ldb, Double(beta),
                UnsafeMutableRawPointer(c).assumingMemoryBound(to: Double.self), ldc)
            return
        }
    }
    // The AVX2 kernel fails only if its one-off packing buffer cannot be allocated; the portable
    // kernel needs none.
    if T.self == Float.self && BuiltInKernel.hasAVX2
        && goldilocks_sgemm(
            transA == .none ? 0 : 1, transB == .none ? 0 : 1, m, n, k, Float(alpha),
            UnsafeRawPointer(a).assumingMemoryBound(to: Float.self), lda,
            UnsafeRawPointer(b).assumingMemoryBound(to: Float.self), ldb, Float(beta),
            UnsafeMutableRawPointer(c).assumingMemoryBound(to: Float.self), ldc) == 0
    {
        return
    }
    portableGemm(transA, transB, m: m, n: n, k: k, alpha: alpha, a, lda: lda, b, ldb: ldb, beta: beta, c, ldc: ldc)
}

/// Which built-in kernel this CPU runs.
enum BuiltInKernel {
    /// Whether the CPU (and OS) support GoldilocksKernels' AVX2/FMA sgemm, checked once.
    static let hasAVX2 = goldilocks_avx2_fma_supported() != 0
}
