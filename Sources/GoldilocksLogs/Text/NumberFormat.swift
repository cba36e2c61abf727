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

    /// What a cell of a CSV or JSON-lines log holds.
    enum Cell: Equatable {
        /// A number, or a non-finite value spelled `nan`, `inf`, `-inf`, `null`, `none`, … (any case).
        case number(Double)
        /// An empty cell: no value at this step.
        case missing
        /// Text that is no number (including a number with a NUL byte or other junk inside).
        case text
    }

    /// Parses a CSV cell (blanks around it allowed).
    static func parse(_ cell: Substring) -> Cell {
        let text = cell.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .missing }
        // Swift's Double(_:) stops at a NUL byte: "0.5\u{0}3e9" would read as 0.5.
        if !text.utf8.contains(0), let value = Double(text) { return .number(value) }
        switch text.lowercased() {
        case "nan", "-nan", "+nan", "none", "null": return .number(.nan)
        case "inf", "+inf", "infinity", "+infinity": return .number(.infinity)
        case "-inf", "-infinity": return .number(-.infinity)
        default: return .text
        }
    }
}
