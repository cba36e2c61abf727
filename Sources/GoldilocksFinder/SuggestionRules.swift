import Foundation

/// The suggestion rules on an already trimmed curve, each returning the index it picks.
///
/// Each is a line-by-line port of the library's code, down to tie-breaking (the first minimum
/// wins, like `torch.argmin` and `np.argmin`) and Python's negative indexing in `valley`.
enum SuggestionRules {
    /// `np.gradient(f)` with unit spacing: `(f[i+1] - f[i-1]) / 2` inside, one-sided differences
    /// `f[1] - f[0]` and `f[n-1] - f[n-2]` at the edges. Needs at least 2 values.
    static func gradient(_ f: [Double]) -> [Double] {
        let n = f.count
        guard n >= 2 else { return [] }
        var g = [Double](repeating: 0, count: n)
        g[0] = (f[1] - f[0]) / 1.0
        g[n - 1] = (f[n - 1] - f[n - 2]) / 1.0
        for i in stride(from: 1, to: n - 1, by: 1) {
            g[i] = (f[i + 1] - f[i - 1]) / 2.0
        }
        return g
    }

    /// The index of the first smallest value, NaN ignored; 0 when every value is NaN.
    static func argmin(_ values: [Double]) -> Int {
        var best = 0
        var found = false
        for (i, v) in values.enumerated() where !v.isNaN && (!found || v < values[best]) {
            best = i
            found = true
        }
        return best
    }

    /// fastai `valley`: the longest strictly decreasing subsequence (O(n²)), then the point
    /// `max_start + int(s) + int(s/2)` with `s = (max_end - max_start) / 3`, about halfway along.
    ///
    /// `max_start` is one before the first point of the descent, so a two-point descent from the
    /// very start gives index -1, which Python reads as the last point; kept for exactness.
    static func valley(_ losses: [Double]) -> Int {
        let n = losses.count
        var lds = [Int](repeating: 1, count: n)
        var maxStart = 0
        var maxEnd = 0
        for i in stride(from: 1, to: n, by: 1) {
            for j in 0..<i {
                if losses[i] < losses[j] && lds[i] < lds[j] + 1 { lds[i] = lds[j] + 1 }
                if lds[maxEnd] < lds[i] {
                    maxEnd = i
                    maxStart = maxEnd - lds[maxEnd]
                }
            }
        }
        let sections = Double(maxEnd - maxStart) / 3
        let index = maxStart + Int(sections) + Int(sections / 2)
        return index < 0 ? index + n : index
    }

    /// fastai `steep`: `argmin (L[i+1] - L[i]) / (ln lr[i+1] - ln lr[i])`, the left end of the
    /// steepest interval on a log axis.
    static func steep(lrs: [Double], losses: [Double]) -> Int {
        var slopes: [Double] = []
        for i in 0..<(losses.count - 1) {
            let rise: Double = losses[i + 1] - losses[i]
            let run: Double = log(lrs[i + 1]) - log(lrs[i])
            slopes.append(rise / run)
        }
        return argmin(slopes)
    }

    /// fastai `minimum`: the index of the lowest loss (the rule then suggests a tenth of its lr).
    static func minimum(_ losses: [Double]) -> Int { argmin(losses) }

    /// fastai `slide`: with `g = np.gradient(L)`, start with the window `[n-1-w, n-1]` and move it
    /// left while `|g[right] - g[left]| > threshold`; the answer is the last left end visited.
    /// Needs `w + 1` points.
    static func slide(_ losses: [Double], window: Int, threshold: Double) -> Int {
        let g = gradient(losses)
        var right = losses.count - 1
        var left = right - window
        var picked = left
        while left >= 0 && abs(g[right] - g[left]) > threshold {
            picked = left
            right -= 1
            left -= 1
        }
        return picked
    }

    /// torch-lr-finder: `np.gradient(L).argmin()`.
    static func steepest(_ losses: [Double]) -> Int { argmin(gradient(losses)) }

    /// `np.interp(x, xp, fp)` for increasing `xp`: linear between neighbours, clamped at the ends.
    static func interpolate(_ x: Double, _ xp: [Double], _ fp: [Double]) -> Double {
        guard let last = xp.indices.last else { return .nan }
        if x <= xp[0] { return fp[0] }
        if x >= xp[last] { return fp[last] }
        var j = 0
        while j + 1 < last && xp[j + 1] <= x { j += 1 }
        let slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j])
        return slope * (x - xp[j]) + fp[j]
    }
}
