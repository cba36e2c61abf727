/// Order statistics and robust fits used by the diagnosis, on plain `Double`s.
enum RobustStatistics {
    /// The median of `values` (the mean of the two middle values for an even count); NaN if empty.
    ///
    /// O(n log n): sorts a copy.
    static func median<C: Collection<Double>>(_ values: C) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The median absolute deviation from the median, scaled by 1.4826 so that it estimates the
    /// standard deviation of normally distributed values: σ̂ = 1.4826 · median |xᵢ − median x|.
    static func scaledMAD<C: Collection<Double>>(_ values: C) -> Double {
        let center = median(values)
        return 1.4826 * median(values.map { abs($0 - center) })
    }

    /// The Theil–Sen slope of the points (xᵢ, yᵢ): the median of (yⱼ − yᵢ)/(xⱼ − xᵢ) over all
    /// pairs i < j with xᵢ ≠ xⱼ; 0 for fewer than two points.
    ///
    /// O(m² log m) in the number of points, so callers pass block medians (m ≤ a few dozen), not
    /// raw steps. Robust to up to 29% of outlying points.
    static func theilSenSlope(x: [Double], y: [Double]) -> Double {
        var slopes: [Double] = []
        slopes.reserveCapacity(x.count * (x.count - 1) / 2)
        for i in x.indices {
            for j in x.indices where j > i && x[j] != x[i] {
                slopes.append((y[j] - y[i]) / (x[j] - x[i]))
            }
        }
        return slopes.isEmpty ? 0 : median(slopes)
    }
}
