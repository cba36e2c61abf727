import Foundation
import GoldilocksSpec

/// JSON written the way Python's `json.dumps` writes it, which is how Optuna fills
/// `distribution_json` and every `value_json` column: `", "` and `": "` separators, floats in
/// Python's shortest `repr` (`1e-05`, `1.0`), `NaN` and `Infinity` for what JSON lacks.
enum PythonJSON {
    /// Keys Optuna writes in a fixed order (its distributions' `__dict__` order); others follow sorted.
    private static let keyOrder = ["name", "attributes", "step", "low", "high", "log", "choices"]

    /// `value` as `json.dumps(value)` prints it. Numbers are floats (`1.0`) when `integersAsInts`
    /// is false, as in Optuna's distributions; otherwise whole numbers print as ints (`900`).
    static func serialize(_ value: JSONValue, integersAsInts: Bool) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .string(let text): return quote(text)
        case .number(let x): return number(x, integersAsInts: integersAsInts)
        case .array(let items):
            return "[" + items.map { serialize($0, integersAsInts: integersAsInts) }.joined(separator: ", ") + "]"
        case .object(let fields):
            let keys = fields.keys.sorted { a, b in
                let (ia, ib) = (keyOrder.firstIndex(of: a) ?? keyOrder.count, keyOrder.firstIndex(of: b) ?? keyOrder.count)
                return ia != ib ? ia < ib : a < b
            }
            let body = keys.map { key in
                quote(key) + ": " + serialize(fields[key] ?? .null, integersAsInts: integersAsInts)
            }
            return "{" + body.joined(separator: ", ") + "}"
        }
    }

    /// The value `text` holds, reading Python's `NaN`, `Infinity` and `-Infinity` too (JSON5
    /// has them); nil when it is not JSON.
    static func parse(_ text: String) -> JSONValue? {
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        return try? decoder.decode(JSONValue.self, from: Data(text.utf8))
    }

    private static func number(_ x: Double, integersAsInts: Bool) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "Infinity" : "-Infinity" }
        if integersAsInts, x == x.rounded(), abs(x) < 9_007_199_254_740_992 { return String(Int64(x)) }
        return pythonRepr(x)
    }

    /// Python's `repr(float)`: the shortest digits that round-trip, in positional notation when
    /// 1e-4 ≤ |x| < 1e16, otherwise `d.ddde±XX` with at least two exponent digits.
    static func pythonRepr(_ x: Double) -> String {
        // Swift's description has the same shortest digits; only the notation switch differs.
        let swift = "\(x)"
        let (mantissa, exponent) = split(swift)
        let magnitude = abs(x)
        if magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e16) {
            guard let exponent else { return swift }
            return positional(mantissa, exponent)
        }
        // Exponential notation, Python style.
        let (digits, pointExponent) = digitsAndExponent(mantissa, exponent ?? 0)
        let sign = x < 0 ? "-" : ""
        let head = String(digits.prefix(1))
        let tail = digits.dropFirst()
        let e = pointExponent
        let exponentText = (e < 0 ? "-" : "+") + (abs(e) < 10 ? "0" : "") + String(abs(e))
        return sign + head + (tail.isEmpty ? "" : "." + tail) + "e" + exponentText
    }

    private static func split(_ text: String) -> (String, Int?) {
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return (text, nil) }
        return (String(text[..<e]), Int(text[text.index(after: e)...]))
    }

    /// The significant digits of `mantissa`·10^`exponent` without sign or point, and the power of
    /// ten of the first digit.
    private static func digitsAndExponent(_ mantissa: String, _ exponent: Int) -> (String, Int) {
        let unsigned = mantissa.hasPrefix("-") ? String(mantissa.dropFirst()) : mantissa
        let pieces = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(pieces[0])
        let fraction = pieces.count > 1 ? String(pieces[1]) : ""
        var digits = integer + fraction
        var first = integer.count - 1 + exponent
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            first -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        return (digits, first)
    }

    private static func positional(_ mantissa: String, _ exponent: Int) -> String {
        let sign = mantissa.hasPrefix("-") ? "-" : ""
        let (digits, first) = digitsAndExponent(mantissa, exponent)
        if first < 0 {
            return sign + "0." + String(repeating: "0", count: -first - 1) + digits
        }
        if digits.count > first + 1 {
            let index = digits.index(digits.startIndex, offsetBy: first + 1)
            return sign + digits[..<index] + "." + digits[index...]
        }
        return sign + digits + String(repeating: "0", count: first + 1 - digits.count) + ".0"
    }

    private static func quote(_ text: String) -> String {
        // json.dumps escapes every non-ASCII character (ensure_ascii=True).
        var out = "\""
        for unit in text.unicodeScalars {
            switch unit {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if unit.value < 0x20 || unit.value > 0x7E {
                    for code in String(unit).utf16 { out += "\\u" + hex4(code) }
                } else {
                    out.unicodeScalars.append(unit)
                }
            }
        }
        return out + "\""
    }

    private static func hex4(_ code: UInt16) -> String {
        let digits = String(code, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
