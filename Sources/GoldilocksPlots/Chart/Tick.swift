import Foundation

/// One tick of an axis: where, and the label if it has one (minor ticks have none).
public struct Tick: Sendable, Equatable {
    /// The data value.
    public var value: Double
    /// The text under or beside the tick; nil for an unlabelled minor tick.
    public var label: String?

    /// A tick.
    public init(value: Double, label: String?) {
        self.value = value
        self.label = label
    }
}

/// Axis ranges widened to "nice" bounds, with their ticks.
public enum Ticks {
    /// Nice linear ticks covering `lower...upper`: steps of 1, 2 or 5 × 10ᵏ, about `count` of them;
    /// the first and last tick enclose the range (Heckbert's "nice numbers").
    public static func linear(_ lower: Double, _ upper: Double, count: Int = 6) -> [Tick] {
        var (lo, hi) = (min(lower, upper), max(lower, upper))
        if lo == hi {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            (lo, hi) = (lo - pad, hi + pad)
        }
        let step = nice((hi - lo) / Double(max(count - 1, 1)), round: true)
        let first = (lo / step).rounded(.down)
        let last = (hi / step).rounded(.up)
        let decimals = max(0, -Int((log10(step)).rounded(.down)))
        return stride(from: first, through: last, by: 1).map { k in
            let value = k * step
            return Tick(value: value == 0 ? 0 : value, label: label(value, decimals: decimals))
        }
    }

    /// Log ticks covering `lower...upper` (both > 0): every decade 10ᵏ labelled, with 2× and 5×
    /// labelled too when the range spans at most two decades, and unlabelled minor ticks at 2…9 × 10ᵏ
    /// up to six decades. Many decades are labelled every second or third one.
    public static func log(_ lower: Double, _ upper: Double) -> [Tick] {
        let lo = Int(log10(min(lower, upper)).rounded(.down))
        var hi = Int(log10(max(lower, upper)).rounded(.up))
        if hi <= lo { hi = lo + 1 }
        let decades = hi - lo
        let every = decades > 12 ? 3 : decades > 7 ? 2 : 1
        var ticks: [Tick] = []
        for k in lo...hi {
            let decade = pow(10, Double(k))
            ticks.append(Tick(value: decade, label: (k - lo) % every == 0 ? decadeLabel(k) : nil))
            guard k < hi, decades <= 6 else { continue }
            for m in 2...9 {
                let value = Double(m) * decade
                let labelled = decades <= 2 && (m == 2 || m == 5)
                ticks.append(Tick(value: value, label: labelled ? shortLabel(value) : nil))
            }
        }
        return ticks
    }

    /// A nice number near `x`: 1, 2, 5 or 10 times a power of ten.
    private static func nice(_ x: Double, round: Bool) -> Double {
        let exponent = log10(x).rounded(.down)
        let fraction = x / pow(10, exponent)
        let niceFraction: Double
        if round {
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return niceFraction * pow(10, exponent)
    }

    /// A label with `decimals` digits after the point, or scientific for very large or small values.
    static func label(_ value: Double, decimals: Int) -> String {
        let magnitude = abs(value)
        if magnitude != 0 && (magnitude >= 1e6 || magnitude < 1e-4) { return shortLabel(value) }
        return String(format: "%.\(min(decimals, 10))f", value)
    }

    /// `1e-3` for far decades, `0.01`…`1000` written out.
    private static func decadeLabel(_ exponent: Int) -> String {
        switch exponent {
        case -2 ... -1: return shortLabel(pow(10, Double(exponent)))
        case 0...3: return String(Int(pow(10, Double(exponent))))
        default: return "1e\(exponent)"
        }
    }

    /// The shortest readable form, three significant digits: `0.02`, `3.2e-4`, `20`, `1000`, `1.5e6`.
    public static func shortLabel(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1 && magnitude < 1e5 && value == value.rounded() && magnitude >= 100 { return String(Int(value)) }
        let scientific = magnitude != 0 && (magnitude < 1e-2 || magnitude >= 1e5)
        var text = String(format: scientific ? "%.2e" : "%.3g", value)
        if let e = text.firstIndex(of: "e") {
            var mantissa = String(text[..<e])
            var exponent = String(text[text.index(after: e)...])
            if mantissa.contains(".") {
                while mantissa.hasSuffix("0") { mantissa.removeLast() }
                if mantissa.hasSuffix(".") { mantissa.removeLast() }
            }
            let negative = exponent.hasPrefix("-")
            exponent = String(exponent.drop(while: { $0 == "-" || $0 == "+" || $0 == "0" }))
            text = mantissa + "e" + (negative ? "-" : "") + (exponent.isEmpty ? "0" : exponent)
        }
        return text
    }
}
