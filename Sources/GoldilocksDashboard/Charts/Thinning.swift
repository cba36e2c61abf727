/// Thins a long series for drawing only: the data the dashboard returns keeps every point.
///
/// The series is cut into runs of consecutive points and each run keeps its first, lowest,
/// highest and last point, so a spike or a NaN survives however long the run; a chart of a
/// million steps then costs what a chart of a few thousand costs.
enum Thinning {
    /// At most about `maxPoints` of `(x, y)`, the extremes of every bucket kept, in x order.
    static func keepingExtremes(x: [Double], y: [Double], maxPoints: Int) -> (x: [Double], y: [Double]) {
        let count = min(x.count, y.count)
        guard count > maxPoints, maxPoints >= 4 else { return (Array(x.prefix(count)), Array(y.prefix(count))) }
        let buckets = maxPoints / 4
        let size = count / buckets + (count % buckets == 0 ? 0 : 1)
        var keptX: [Double] = []
        var keptY: [Double] = []
        keptX.reserveCapacity(maxPoints)
        keptY.reserveCapacity(maxPoints)
        var start = 0
        while start < count {
            let end = min(start + size, count)
            var low = start
            var high = start
            for k in start..<end {
                // A NaN is kept as the bucket's extreme, so the gap it makes stays visible.
                if y[k].isNaN { low = k; break }
                if y[k] < y[low] { low = k }
                if y[k] > y[high] { high = k }
            }
            for k in Set([start, low, high, end - 1]).sorted() {
                keptX.append(x[k])
                keptY.append(y[k])
            }
            start = end
        }
        return (keptX, keptY)
    }

    /// Every `k`-th point and the last, for paths in the plane (where "extreme" has no single
    /// meaning); at most about `maxPoints`.
    static func evenly<T>(_ points: [T], maxPoints: Int) -> [T] {
        guard points.count > maxPoints, maxPoints >= 2, let last = points.last else { return points }
        let every = points.count / maxPoints + 1
        var kept = stride(from: 0, to: points.count, by: every).map { points[$0] }
        if (points.count - 1) % every != 0 { kept.append(last) }
        return kept
    }
}
