import GoldilocksCore
import Testing

@Test func switchingTheSecondCoreOffGivesTheSameProducts() {
    // Large enough that `gemm` splits it across the two threads when the second core is on.
    let (m, n, k) = (200, 96, 40)
    var rng = SeededGenerator(seed: 3)
    let a = (0..<m * k).map { _ in Float(rng.nextNormal()) }
    let b = (0..<k * n).map { _ in Float(rng.nextNormal()) }
    let wasEnabled = SecondCore.isEnabled
    defer { SecondCore.isEnabled = wasEnabled }
    var products: [[Float]] = []
    for enabled in [true, false] {
        SecondCore.isEnabled = enabled
        if !enabled { #expect(!SecondCore.isEnabled) }
        var c = [Float](repeating: .nan, count: m * n)
        gemm(.none, .none, m: m, n: n, k: k, alpha: 1, a, lda: k, b, ldb: n, beta: 0, &c, ldc: n, backend: .builtIn)
        products.append(c)
    }
    #expect(products[0] == products[1])
}
