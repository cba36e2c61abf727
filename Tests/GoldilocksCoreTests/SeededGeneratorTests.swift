import GoldilocksCore
import Testing

@Test func splitMix64MatchesItsPublishedSequence() {
    // SplitMix64's reference implementation (Vigna, xoshiro.di.unimi.it/splitmix64.c) from state 0.
    var rng = SeededGenerator(seed: 0)
    #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
    #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    #expect(rng.next() == 0x06C4_5D18_8009_454F)
}

@Test func theSameSeedGivesTheSameValuesAndForksDiffer() {
    var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42)
    #expect((0..<100).map { _ in a.nextUnitFloat() } == (0..<100).map { _ in b.nextUnitFloat() })
    var parent = SeededGenerator(seed: 1)
    var child1 = parent.fork(), child2 = parent.fork()
    #expect(child1.next() != child2.next())
}

@Test func uniformAndNormalDrawsHaveTheRightMoments() {
    var rng = SeededGenerator(seed: 3)
    let n = 200_000
    let uniform = (0..<n).map { _ in Double(rng.nextUnitFloat()) }
    #expect(uniform.allSatisfy { $0 >= 0 && $0 < 1 })
    #expect(abs(uniform.reduce(0, +) / Double(n) - 0.5) < 0.005)
    let normal = (0..<n).map { _ in rng.nextNormal() }
    let mean = normal.reduce(0, +) / Double(n)
    let variance = normal.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n)
    #expect(abs(mean) < 0.01)
    #expect(abs(variance - 1) < 0.02)
}
