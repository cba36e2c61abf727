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
    /// The most ticks a linear axis gets, whatever `count` asks for: more would not be readable.
    static let maximumLinearTicks = 12

    /// Nice linear ticks covering `lower...upper`: steps of 1, 2 or 5 × 10ᵏ, about `count` of them
    /// (at most `maximumLinearTicks`); the first and last tick enclose the range (Heckbert's "nice
    /// numbers"), except where an enclosing tick would overflow `Double`, which is left out.
    ///
    /// Any input is safe: non-finite bounds are replaced by the finite one (or 0), an empty range is
    /// widened, and a range too narrow for its magnitude (a few ulps wide, or subnormal) gets its two
    /// ends as ticks.
    public static func linear(_ lower: Double, _ upper: Double, count: Int = 6) -> [Tick] {
        let (lo, hi) = widened(finiteOrdered(lower, upper))
        let intervals = Double(min(max(count, 2), maximumLinearTicks) - 1)
        // Dividing first: hi − lo overflows on ranges like [−1e308, 1e308].
        var step = nice(hi / intervals - lo / intervals, round: true)
        for _ in 0..<8 {
            guard let ticks = linearTicks(lo, hi, step: step) else { return ends(lo, hi) }
            if ticks.count <= maximumLinearTicks { return ticks }
            step = nice(step * 1.01, round: false)  // the next nice step up
        }
        return ends(lo, hi)
    }

    /// The ticks at multiples of `step` enclosing `lo...hi`, labelled; nil when `step` cannot space
    /// them (zero, non-finite, below the values' resolution, or too many for a chart).
    private static func linearTicks(_ lo: Double, _ hi: Double, step: Double) -> [Tick]? {
        guard step.isFinite, step > 0 else { return nil }
        let first = (lo / step).rounded(.down)
        let last = (hi / step).rounded(.up)
        // Bounding the count before the loop: a step below the values' ulp would otherwise loop on
        // k + 1 == k, and a tiny step would give millions of ticks.
        guard first.isFinite, last.isFinite, last - first >= 1, last - first <= 10 * Double(maximumLinearTicks) else {
            return nil
        }
        let decimals = max(0, -Int(log10(step).rounded(.down)))
        var ticks: [Tick] = []
        for k in 0...Int(last - first) {
            let value = (first + Double(k)) * step
            // An enclosing tick past the largest Double is dropped; the axis ends at the data instead.
            guard value.isFinite, value > (ticks.last?.value ?? -.infinity) else { continue }
            ticks.append(Tick(value: value == 0 ? 0 : value, label: label(value, decimals: decimals)))
        }
        return ticks.count >= 2 ? ticks : nil
    }

    /// Two ticks, at the ends of the range, for ranges nice steps cannot divide.
    private static func ends(_ lo: Double, _ hi: Double) -> [Tick] {
        lo < hi ? [Tick(value: lo, label: shortLabel(lo)), Tick(value: hi, label: shortLabel(hi))] : [Tick(value: lo, label: shortLabel(lo))]
    }

    /// The bounds, finite and in order: a non-finite bound takes the other's value (0 when neither
    /// is finite).
    static func finiteOrdered(_ a: Double, _ b: Double) -> (Double, Double) {
        let x = a.isFinite ? a : b.isFinite ? b : 0
        let y = b.isFinite ? b : x
        return (min(x, y), max(x, y))
    }

    /// An empty range widened by 10 % of its value each way (±1 around 0), without overflowing or
    /// vanishing into the subnormals.
    static func widened(_ range: (Double, Double)) -> (Double, Double) {
        let (lo, hi) = range
        guard lo == hi else { return range }
        let pad = lo == 0 ? 1 : max(abs(lo) * 0.1, Double.leastNonzeroMagnitude)
        let top = Double.greatestFiniteMagnitude
        return (max(lo - pad, -top), min(hi + pad, top))
    }

    /// The most labelled decades a log axis gets; wider ranges label every 2nd, 3rd, 5th, 10th … one.
    static let maximumLogLabels = 12

    /// Log ticks covering `lower...upper`: every decade 10ᵏ labelled, with 2× and 5×
    /// labelled too when the range spans at most two decades, and unlabelled minor ticks at 2…9 × 10ᵏ
    /// up to six decades. Many decades are labelled every second or third one, very many (the whole
    /// range of `Double` is 632 decades) every 5th, 10th, 20th, 50th or 100th, with only the labelled
    /// decades kept as ticks.
    ///
    /// Any input is safe: bounds ≤ 0 or non-finite are replaced by the other bound (or 1), and
    /// decades beyond `Double`'s range (10³⁰⁹, 10⁻³²⁴) are left out.
    public static func log(_ lower: Double, _ upper: Double) -> [Tick] {
        func usable(_ v: Double) -> Bool { v.isFinite && v > 0 }
        let a = usable(lower) ? lower : usable(upper) ? upper : 1
        let b = usable(upper) ? upper : a
        // log10 of a positive finite Double lies in −323.3…308.3, so these conversions are safe.
        let lo = Int(Foundation.log10(min(a, b)).rounded(.down))
        var hi = Int(Foundation.log10(max(a, b)).rounded(.up))
        if hi <= lo { hi = lo + 1 }
        let decades = hi - lo
        let every = decades > 12 ? ([3, 5, 10, 20, 50, 100].first { decades / $0 < maximumLogLabels } ?? 100) : decades > 7 ? 2 : 1
        var ticks: [Tick] = []
        for k in lo...hi {
            let decade = pow(10, Double(k))
            let labelled = (k - lo) % every == 0
            if usable(decade) && (labelled || decades <= 24) {
                ticks.append(Tick(value: decade, label: labelled ? decadeLabel(k) : nil))
            }
            guard k < hi, decades <= 6 else { continue }
            for m in 2...9 {
                let value = Double(m) * decade
                guard usable(value) else { continue }
                let labelled = decades <= 2 && (m == 2 || m == 5)
                ticks.append(Tick(value: value, label: labelled ? shortLabel(value) : nil))
            }
        }
        return ticks
    }

    /// A nice number near `x`: 1, 2, 5 or 10 times a power of ten; NaN for x ≤ 0 or non-finite.
    private static func nice(_ x: Double, round: Bool) -> Double {
        guard x.isFinite, x > 0 else { return .nan }
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
