/// Colours that stay distinct for several series (Tableau 10), and a sequential scale for contours.
public enum Palette {
    /// Series colours, in order.
    public static let series = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ]

    /// The `index`-th series colour, cycling.
    public static func color(_ index: Int) -> String { series[index % series.count] }

    /// A viridis-like colour for `t` in 0…1 (dark blue → green → yellow).
    public static func sequential(_ t: Double) -> String {
        let stops: [(Double, Double, Double)] = [
            (68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37),
        ]
        let u = min(max(t.isFinite ? t : 0, 0), 1) * Double(stops.count - 1)
        let k = min(Int(u), stops.count - 2)
        let f = u - Double(k)
        let (a, b) = (stops[k], stops[k + 1])
        func mix(_ x: Double, _ y: Double) -> Int { Int((x + (y - x) * f).rounded()) }
        let rgb = [mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2)]
        return "#" + rgb.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
