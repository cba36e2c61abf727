import Foundation

/// Standard output as a `TextOutputStream`, buffered so that streaming millions of rows costs one
/// write per 64 KiB instead of one per row; `flush()` (or the end of the command) writes the rest.
struct StandardOutput: TextOutputStream {
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 16

    init() { buffer.reserveCapacity(Self.capacity) }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.capacity { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Keeps a bounded picture of a long series for a chart: for each of at most `buckets` runs of
/// consecutive points, the first, the lowest and the highest, so a chart of a billion steps costs
/// what a chart of a few thousand costs and still shows every spike.
struct ChartSample {
    private let pointsPerBucket: Int
    private(set) var x: [Double] = []
    private(set) var y: [Double] = []
    private var bucket: [(x: Double, y: Double)] = []

    /// A sample of `count` points in at most `buckets` buckets.
    init(count: Int, buckets: Int = 1000) {
        pointsPerBucket = max(1, count / buckets + (count % buckets == 0 ? 0 : 1))
    }

    mutating func add(x: Double, y: Double) {
        bucket.append((x, y))
        if bucket.count == pointsPerBucket { closeBucket() }
    }

    /// The kept points, in x order.
    mutating func finish() -> (x: [Double], y: [Double]) {
        closeBucket()
        return (x, y)
    }

    private mutating func closeBucket() {
        guard let first = bucket.first else { return }
        var kept = [first]
        // NaN compares false with everything: it stays visible as the bucket's extreme.
        if let low = bucket.min(by: { $0.y < $1.y || $1.y.isNaN }) { kept.append(low) }
        if let high = bucket.max(by: { $0.y < $1.y || $0.y.isNaN }) { kept.append(high) }
        var seen = Set<Double>()
        for point in kept.sorted(by: { $0.x < $1.x }) where seen.insert(point.x).inserted {
            x.append(point.x)
            y.append(point.y)
        }
        bucket.removeAll(keepingCapacity: true)
    }
}
