import GoldilocksCore
import Testing

/// A plain triple loop in Double, the reference both backends must agree with.
private func referenceProduct(
    _ ta: Transpose, _ tb: Transpose, m: Int, n: Int, k: Int, alpha: Double, a: [Double], lda: Int,
    b: [Double], ldb: Int, beta: Double, c: [Double], ldc: Int
) -> [Double] {
    var out = c
    for i in 0..<m {
        for j in 0..<n {
            var sum = 0.0
            for p in 0..<k {
                let x = ta == .none ? a[i * lda + p] : a[p * lda + i]
                let y = tb == .none ? b[p * ldb + j] : b[j * ldb + p]
                sum += x * y
            }
            out[i * ldc + j] = alpha * sum + beta * c[i * ldc + j]
        }
    }
    return out
}

private let cases: [(Transpose, Transpose, Int, Int, Int)] = [
    (.none, .none, 7, 13, 19), (.transposed, .none, 17, 9, 33), (.none, .transposed, 5, 11, 29),
    (.transposed, .transposed, 6, 10, 15), (.none, .none, 1, 1, 1), (.none, .transposed, 32, 64, 100),
    // Above 2¹⁷ multiply-adds `gemm` splits the product across two threads: by rows of C when
    // m > n, by columns otherwise, with odd remainders.
    (.none, .none, 130, 70, 20), (.transposed, .none, 70, 101, 25), (.none, .transposed, 97, 80, 30),
    (.transposed, .transposed, 100, 66, 25),
]

@Test(arguments: [MatrixBackend.builtIn, .blas])
func matrixProductsMatchATripleLoopInEveryTransposeCase(backend: MatrixBackend) {
    if backend == .blas && !MatrixBackend.blasAvailable {
        // Not a silent pass: CI installs OpenBLAS, so this branch only runs on bare machines.
        print("no system BLAS here; its path is not exercised")
        return
    }
    var rng = SeededGenerator(seed: 7)
    for (ta, tb, m, n, k) in cases {
        let (lda, ldb, ldc) = (ta == .none ? k : m, tb == .none ? n : k, n + 3)  // ldc > n: strided C
        let a = (0..<(ta == .none ? m : k) * lda).map { _ in rng.nextNormal() }
        let b = (0..<(tb == .none ? k : n) * ldb).map { _ in rng.nextNormal() }
        let c = (0..<m * ldc).map { _ in rng.nextNormal() }
        for (alpha, beta) in [(1.0, 0.0), (0.5, 1.0), (-2.0, 0.25)] {
            let expected = referenceProduct(ta, tb, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
            var double = c
            gemm(ta, tb, m: m, n: n, k: k, alpha: alpha, a, lda: lda, b, ldb: ldb, beta: beta, &double, ldc: ldc, backend: backend)
            var float = c.map(Float.init)
            gemm(
                ta, tb, m: m, n: n, k: k, alpha: Float(alpha), a.map(Float.init), lda: lda, b.map(Float.init), ldb: ldb,
                beta: Float(beta), &float, ldc: ldc, backend: backend)
            for i in 0..<expected.count {
                #expect(abs(double[i] - expected[i]) <= 1e-12 * (1 + abs(expected[i])), "Double \(ta)\(tb) at \(i)")
                #expect(abs(Double(float[i]) - expected[i]) <= 1e-4 * (1 + abs(expected[i])) * Double(k).squareRoot(), "Float \(ta)\(tb) at \(i)")
            }
        }
    }
}

@Test func betaZeroNeverReadsTheOutput() {
    var c: [Float] = [.nan, .nan, .nan, .nan]
    for backend in [MatrixBackend.builtIn] + (MatrixBackend.blasAvailable ? [.blas] : []) {
        gemm(.none, .none, m: 2, n: 2, k: 1, alpha: 1, [1, 2] as [Float], lda: 1, [3, 4] as [Float], ldb: 2, beta: 0, &c, ldc: 2, backend: backend)
        #expect(c == [3, 4, 6, 8])
    }
}

@Test func concurrentCallersShareThePairedThreadSafely() async {
    // Several tasks multiplying at once: one gets the paired thread, the others run alone; all
    // must get the right answer.
    let (m, n, k) = (128, 96, 24)
    var rng = SeededGenerator(seed: 11)
    let a = (0..<m * k).map { _ in Float(rng.nextNormal()) }
    let b = (0..<k * n).map { _ in Float(rng.nextNormal()) }
    var expected = [Float](repeating: 0, count: m * n)
    gemm(.none, .none, m: m, n: n, k: k, alpha: 1, a, lda: k, b, ldb: n, beta: 0, &expected, ldc: n, backend: .builtIn)
    let results = await withTaskGroup(of: [Float].self) { group in
        for _ in 0..<6 {
            group.addTask {
                var c = [Float](repeating: 0, count: m * n)
                for _ in 0..<20 {
                    gemm(.none, .none, m: m, n: n, k: k, alpha: 1, a, lda: k, b, ldb: n, beta: 0, &c, ldc: n, backend: .builtIn)
                }
                return c
            }
        }
        return await group.reduce(into: [[Float]]()) { $0.append($1) }
    }
    #expect(results.count == 6)
    for c in results { #expect(c == expected) }
}
