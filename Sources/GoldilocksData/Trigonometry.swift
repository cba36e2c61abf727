#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The sine, from the C library (the standard library has none without Foundation).
@inline(__always) func sine(_ x: Double) -> Double { sin(x) }

/// The cosine, from the C library.
@inline(__always) func cosine(_ x: Double) -> Double { cos(x) }
