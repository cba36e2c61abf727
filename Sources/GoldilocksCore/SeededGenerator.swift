/// A random-number generator that gives the same sequence on every machine for the same seed.
///
/// SplitMix64 (Steele, Lea and Flood, 2014): a 64-bit counter scrambled by two multiply-xorshift
/// rounds. It passes BigCrush, is tiny, and, unlike `SystemRandomNumberGenerator`, is
/// reproducible, which every seeded run, split and shuffle in Goldilocks relies on.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Codable, Equatable {
    private var state: UInt64

    /// A generator whose whole future is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The stream for `purpose` in a run seeded with `seed`: `SeededGenerator(seed:
    /// derivedSeed(seed, purpose))`. Every random choice of a run takes its own stream this way.
    public init(seed: UInt64, purpose: RandomPurpose) {
        self.init(seed: Self.derivedSeed(seed, purpose: purpose))
    }

    /// The seed of `purpose`'s stream in a run seeded with `seed`, for APIs that take a seed:
    /// `mix(seed + mix(mix(tag) + index))`, with `mix` SplitMix64's output function (a bijection of
    /// 64-bit words). For one purpose every seed has its own stream; streams of two purposes (or
    /// two repeats or folds) coincide only when two 64-bit hashes collide, never at nearby seeds
    /// as offsets (`seed + 7`, `seed + 11`) did.
    public static func derivedSeed(_ seed: UInt64, purpose: RandomPurpose) -> UInt64 {
        let key = purpose.key
        return mix(seed &+ mix(mix(key.tag) &+ key.index))
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// SplitMix64's output function: two multiply-xorshift rounds, a bijection of 64-bit words.
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform Float in [0, 1) from the top 24 bits, so every value is exactly representable.
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A uniform Double in [0, 1) from the top 53 bits.
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform Float in `[low, high)`.
    public mutating func nextUniform(_ low: Float, _ high: Float) -> Float {
        low + (high - low) * nextUnitFloat()
    }

    /// A standard normal Double (Box–Muller; the second value is discarded to keep the state simple).
    public mutating func nextNormal() -> Double {
        nextNormalPair().0
    }

    /// Two independent standard normal Doubles from one Box–Muller transform (half the cost of
    /// two `nextNormal()` calls, for filling large buffers).
    public mutating func nextNormalPair() -> (Double, Double) {
        // 1 - u lies in (0, 1], so the logarithm is finite.
        let radius = (-2 * _log(1 - nextUnitDouble())).squareRoot()
        let angle = 2 * Double.pi * nextUnitDouble()
        return (radius * _cos(angle), radius * _sin(angle))
    }

    /// An independent generator for a sub-task (a data split, a layer's weights), derived from
    /// this one so a single seed fixes a whole run.
    public mutating func fork() -> SeededGenerator {
        SeededGenerator(seed: next())
    }
}

#if canImport(Glibc)
    import Glibc
    @inline(__always) private func _log(_ x: Double) -> Double { Glibc.log(x) }
    @inline(__always) private func _cos(_ x: Double) -> Double { Glibc.cos(x) }
    @inline(__always) private func _sin(_ x: Double) -> Double { Glibc.sin(x) }
#elseif canImport(Darwin)
    import Darwin
    @inline(__always) private func _log(_ x: Double) -> Double { Darwin.log(x) }
    @inline(__always) private func _cos(_ x: Double) -> Double { Darwin.cos(x) }
    @inline(__always) private func _sin(_ x: Double) -> Double { Darwin.sin(x) }
#endif
