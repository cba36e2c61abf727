/// Contour lines of a function on a grid, by marching squares.
public enum Contours {
    /// One contour level: its value and its line segments ((x₀, y₀), (x₁, y₁)).
    public struct Level: Sendable, Equatable {
        /// The function value along the line.
        public var value: Double
        /// The segments making up the line.
        public var segments: [Segment]
    }

    /// A line segment between two points.
    public struct Segment: Sendable, Equatable {
        /// One end.
        public var from: (x: Double, y: Double)
        /// The other end.
        public var to: (x: Double, y: Double)

        /// Segments are equal when both ends are.
        public static func == (a: Segment, b: Segment) -> Bool {
            a.from == b.from && a.to == b.to
        }
    }

    /// Samples `f` on a `resolution × resolution` grid over the ranges.
    public static func grid(
        _ f: (Double, Double) -> Double, x: ClosedRange<Double>, y: ClosedRange<Double>, resolution: Int = 80
    ) -> (xs: [Double], ys: [Double], values: [[Double]]) {
        let n = max(resolution, 2)
        // Weighted ends rather than lower + t · (upper − lower), which overflows near ±1e308.
        func samples(_ r: ClosedRange<Double>) -> [Double] {
            (0..<n).map { k in
                let t = Double(k) / Double(n - 1)
                return r.lowerBound * (1 - t) + r.upperBound * t
            }
        }
        let (xs, ys) = (samples(x), samples(y))
        let values = ys.map { yv in xs.map { xv in f(xv, yv) } }
        return (xs, ys, values)
    }

    /// `count` levels at evenly spaced quantiles of the finite grid values, so that steep and flat
    /// regions both get lines (a valley like Rosenbrock's is otherwise empty).
    public static func levels(_ values: [[Double]], count: Int = 12) -> [Double] {
        let sorted = values.flatMap { $0 }.filter(\.isFinite).sorted()
        guard !sorted.isEmpty, count > 0 else { return [] }
        var result: [Double] = []
        for k in 0..<count {
            let q = (Double(k) + 0.5) / Double(count)
            // Quantiles of a squared scale crowd the levels towards the minimum, where paths end.
            let v = sorted[min(sorted.count - 1, Int(q * q * Double(sorted.count)))]
            if result.last != v { result.append(v) }
        }
        return result
    }

    /// The contour lines of the gridded `values[row][column]` (rows along `ys`, columns along `xs`)
    /// at each of `levels`, by marching squares with linear interpolation along cell edges.
    /// Cells with a non-finite corner are skipped; saddles are split by the cell's mean.
    public static func lines(xs: [Double], ys: [Double], values: [[Double]], levels: [Double]) -> [Level] {
        levels.map { level in
            var segments: [Segment] = []
            guard xs.count > 1, ys.count > 1 else { return Level(value: level, segments: []) }
            for r in 0..<(ys.count - 1) {
                for c in 0..<(xs.count - 1) {
                    // Corners counter-clockwise from bottom-left.
                    let v = [values[r][c], values[r][c + 1], values[r + 1][c + 1], values[r + 1][c]]
                    guard v.allSatisfy(\.isFinite) else { continue }
                    let p = [(xs[c], ys[r]), (xs[c + 1], ys[r]), (xs[c + 1], ys[r + 1]), (xs[c], ys[r + 1])]
                    // The crossing points on each edge k (corner k to corner k+1).
                    var crossings: [(Int, (x: Double, y: Double))] = []
                    for k in 0..<4 {
                        let (a, b) = (v[k], v[(k + 1) % 4])
                        guard (a < level) != (b < level) else { continue }
                        let t = (level - a) / (b - a)
                        let (pa, pb) = (p[k], p[(k + 1) % 4])
                        crossings.append((k, (pa.0 + t * (pb.0 - pa.0), pa.1 + t * (pb.1 - pa.1))))
                    }
                    if crossings.count == 2 {
                        segments.append(Segment(from: crossings[0].1, to: crossings[1].1))
                    } else if crossings.count == 4 {
                        // Saddle: pair edges so that the centre's side of the level is respected.
                        let centreAbove = v.reduce(0, +) / 4 >= level
                        let bottomLeftAbove = v[0] >= level
                        if centreAbove == bottomLeftAbove {
                            segments.append(Segment(from: crossings[0].1, to: crossings[1].1))
                            segments.append(Segment(from: crossings[2].1, to: crossings[3].1))
                        } else {
                            segments.append(Segment(from: crossings[3].1, to: crossings[0].1))
                            segments.append(Segment(from: crossings[1].1, to: crossings[2].1))
                        }
                    }
                }
            }
            return Level(value: level, segments: segments)
        }
    }
}
