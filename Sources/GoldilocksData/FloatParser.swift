#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Parses decimal text into the nearest `Float` without making a `String` per cell.
///
/// Plain decimals with at most 2²⁴ as digits and at most 10 digits after the point (pixel values,
/// most printed measurements) take Clinger's fast path: the digits and the power of ten are both
/// exact in `Float`, so one division rounds correctly. Anything else (exponents, long mantissas)
/// goes to the C library's `strtof`, which also rounds correctly.
struct FloatParser {
    /// A reused, zero-terminated copy of the field for `strtof`.
    private var buffer: [CChar] = Array(repeating: 0, count: 64)

    /// The finite number the whole field spells (blanks around it allowed), or nil.
    @inline(__always)
    mutating func parse(_ field: UnsafeBufferPointer<UInt8>) -> Float? {
        let text = trimmed(field)
        if let fast = Self.fastPath(text) { return fast }
        guard !text.isEmpty else { return nil }
        if buffer.count <= text.count { buffer = Array(repeating: 0, count: text.count + 1) }
        let length = text.count
        return buffer.withUnsafeMutableBufferPointer { buffer -> Float? in
            guard let base = buffer.baseAddress else { return nil }
            for i in 0..<length { buffer[i] = CChar(bitPattern: text[i]) }
            buffer[length] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtof(base, &end)
            guard end == base + length, value.isFinite else { return nil }
            return value
        }
    }

    /// `[+-]digits[.digits]` whose digits fit exactly in a Float, else nil.
    @inline(__always)
    private static func fastPath(_ text: UnsafeBufferPointer<UInt8>) -> Float? {
        var i = 0
        var negative = false
        if i < text.count && (text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+")) {
            negative = text[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        while i < text.count {
            let byte = text[i]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                mantissa = mantissa * 10 + Int(byte &- UInt8(ascii: "0"))
                digits += 1
                if seenPoint { fractionDigits += 1 }
                if mantissa > 1 << 24 || fractionDigits > 10 { return nil }
            } else if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0 else { return nil }
        var power: Float = 1
        for _ in 0..<fractionDigits { power *= 10 }
        let value = Float(mantissa) / power
        return negative ? -value : value
    }
}
