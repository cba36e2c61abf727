import GoldilocksCore
import Testing

/// One product's shape: transposes, sizes, and how much wider than its width each matrix's rows are.
private struct Shape: CustomStringConvertible {
    var ta: Transpose, tb: Transpose
    var m: Int, n: Int, k: Int
    var pad = 3

    var lda: Int { (ta == .none ? k : m) + pad }
    var ldb: Int { (tb == .none ? n : k) + pad }
    var ldc: Int { n + pad }
    var aCount: Int { (ta == .none ? m : k) * lda }
    var bCount: Int { (tb == .none ? k : n) * ldb }
    var description: String { "\(ta == .none ? "N" : "T")\(tb == .none ? "N" : "T") m \(m) n \(n) k \(k)" }
}

/// A plain triple loop in Double, the reference every kernel must agree with.
private func referenceProduct(_ s: Shape, alpha: Double, a: [Double], b: [Double], beta: Double, c: [Double]) -> [Double] {
    var out = c
    for i in 0..<s.m {
        for j in 0..<s.n {
            var sum = 0.0
            for p in 0..<s.k {
                let x = s.ta == .none ? a[i * s.lda + p] : a[p * s.lda + i]
                let y = s.tb == .none ? b[p * s.ldb + j] : b[j * s.ldb + p]
                sum += x * y
            }
            // beta == 0 never reads C (which may hold NaN), as BLAS.
            out[i * s.ldc + j] = beta == 0 ? alpha * sum : alpha * sum + beta * c[i * s.ldc + j]
        }
    }
    return out
}

private let transposes: [(Transpose, Transpose)] = [(.none, .none), (.none, .transposed), (.transposed, .none), (.transposed, .transposed)]

/// Every transpose case over small odd and even sizes around the kernels' 6 × 16 register block,
/// and larger ones past their cache blocks (k > 256 is cut into blocks, m > 144 and n > 2048 too)
/// and past `gemm`'s two-thread split.
private let shapes: [Shape] = {
    var shapes: [Shape] = []
    let small = [1, 5, 6, 7, 15, 16, 17]
    for (ta, tb) in transposes {
        for m in small {
            for n in small {
                for k in [0, 1, 17] where (m + n + k) % 2 == 0 || k == 0 { shapes.append(Shape(ta: ta, tb: tb, m: m, n: n, k: k)) }
            }
        }
        shapes += [
            Shape(ta: ta, tb: tb, m: 257, n: 17, k: 5), Shape(ta: ta, tb: tb, m: 7, n: 257, k: 6),
            Shape(ta: ta, tb: tb, m: 23, n: 35, k: 257), Shape(ta: ta, tb: tb, m: 3, n: 2_100, k: 2),
            Shape(ta: ta, tb: tb, m: 150, n: 70, k: 30), Shape(ta: ta, tb: tb, m: 70, n: 101, k: 25),
        ]
    }
    return shapes
}()

/// Alpha and beta: plain, accumulating, scaled both ways, and alpha 0 (C only scaled).
private let scalars: [(alpha: Double, beta: Double)] = [(1, 0), (0.5, 1), (-2, 0.25), (0, 0.5)]

/// Checks `product` (Float) against the reference on every shape; C's padding must stay untouched.
private func checkFloat(
    _ label: String,
    _ product: (Shape, Float, [Float], [Float], Float, inout [Float]) -> Void
) {
    var rng = SeededGenerator(seed: 7)
    for shape in shapes {
        let a = (0..<shape.aCount).map { _ in rng.nextNormal() }
        let b = (0..<shape.bCount).map { _ in rng.nextNormal() }
        let start = (0..<shape.m * shape.ldc).map { _ in rng.nextNormal() }
        for (alpha, beta) in scalars {
            // With beta == 0 C holds NaN, which must be overwritten, not multiplied.
            let c = beta == 0 ? start.enumerated().map { $0.offset % shape.ldc < shape.n ? .nan : $0.element } : start
            let expected = referenceProduct(shape, alpha: alpha, a: a, b: b, beta: beta, c: c)
            var float = c.map(Float.init)
            product(shape, Float(alpha), a.map(Float.init), b.map(Float.init), Float(beta), &float)
            let tolerance = 1e-5 * Double(shape.k + 1).squareRoot()
            let wrong = (0..<expected.count).filter { i in
                i % shape.ldc >= shape.n
                    ? Float(expected[i]) != float[i]
                    : !(abs(Double(float[i]) - expected[i]) <= tolerance * (1 + abs(expected[i])))
            }
            #expect(wrong.isEmpty, "\(label) \(shape) alpha \(alpha) beta \(beta): \(wrong.count) wrong, first at \(wrong.first ?? -1)")
        }
    }
}

@Test func theBuiltInFloatKernelsMatchATripleLoop() {
    // The AVX2/FMA kernels where the CPU has them (the portable ones otherwise), through `gemm`,
    // which also splits the large products across two threads.
    print("built-in Float kernels here: \(MatrixBackend.builtIn)")
    checkFloat("built-in") { s, alpha, a, b, beta, c in
        gemm(s.ta, s.tb, m: s.m, n: s.n, k: s.k, alpha: alpha, a, lda: s.lda, b, ldb: s.ldb, beta: beta, &c, ldc: s.ldc, backend: .builtIn)
    }
}

@Test func thePortableKernelsMatchATripleLoop() {
    checkFloat("portable Float") { s, alpha, a, b, beta, c in
        portableGemm(s.ta, s.tb, m: s.m, n: s.n, k: s.k, alpha: alpha, a, lda: s.lda, b, ldb: s.ldb, beta: beta, &c, ldc: s.ldc)
    }
    var rng = SeededGenerator(seed: 9)
    for shape in shapes where shape.m * shape.n * shape.k < 50_000 {
        let a = (0..<shape.aCount).map { _ in rng.nextNormal() }
        let b = (0..<shape.bCount).map { _ in rng.nextNormal() }
        let c = (0..<shape.m * shape.ldc).map { _ in rng.nextNormal() }
        for (alpha, beta) in scalars {
            let expected = referenceProduct(shape, alpha: alpha, a: a, b: b, beta: beta, c: c)
            var double = c
            gemm(
                shape.ta, shape.tb, m: shape.m, n: shape.n, k: shape.k, alpha: alpha, a, lda: shape.lda, b, ldb: shape.ldb,
                beta: beta, &double, ldc: shape.ldc, backend: .builtIn)
            let worst = zip(double, expected).map { abs($0 - $1) / (1 + abs($1)) }.max() ?? 0
            #expect(worst <= 1e-12, "portable Double \(shape) alpha \(alpha) beta \(beta)")
        }
    }
}

@Test func theSystemBLASMatchesATripleLoop() {
    guard MatrixBackend.blasAvailable else {
        // Not a silent pass: CI installs OpenBLAS, so this branch only runs on bare machines.
        print("no system BLAS here; its path is not exercised")
        return
    }
    checkFloat("BLAS") { s, alpha, a, b, beta, c in
        gemm(s.ta, s.tb, m: s.m, n: s.n, k: s.k, alpha: alpha, a, lda: s.lda, b, ldb: s.ldb, beta: beta, &c, ldc: s.ldc, backend: .blas)
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
