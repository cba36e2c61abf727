import Foundation

/// How numbers and names are spelled in the CSV and JSON-lines logs.
enum NumberFormat {
    /// A CSV cell: the shortest round-trip form; `nan`, `inf`, `-inf` for non-finite values.
    static func csv(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        return value.description
    }

    /// A JSON number: the shortest round-trip form; `null` for non-finite values.
    static func json(_ value: Double) -> String {
        value.isFinite ? value.description : "null"
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { ",\"\n\r".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A JSON string literal.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Parses a CSV cell: a number, or `nan`/`inf`/`-inf` (any case) or an empty cell for a
    /// non-finite value; nil when it is neither.
    static func parse(_ cell: Substring) -> Double? {
        let text = cell.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .nan }
        if let value = Double(text) { return value }
        switch text.lowercased() {
        case "nan", "-nan", "none", "null": return .nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: return nil
        }
    }
}
