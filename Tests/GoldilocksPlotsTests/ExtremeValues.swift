import Foundation
import PropertyBased
@testable import GoldilocksPlots

/// Values that break naive charts, and generators that mix them with ordinary ones.
enum ExtremeValues {
    /// Every special value a loss or learning rate can take.
    static let specials: [Double] = [
        .nan, .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1.7e308, -1.7e308,
        1e308, -1e308, 1e300, 1e-300, 1e20, 1e12, 1e10, -1e12, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
        .leastNormalMagnitude, .leastNormalMagnitude / 1000, 0, -0.0, 1, 2.3, 0.1,
    ]

    /// A value: a special one, a huge or subnormal one anywhere in Double's range, or an ordinary one.
    static var value: Generator<Double, AnySequence<(index: Int, value: Any)>> {
        Gen<Double>.frequency(
        (weight: 3, gen: Gen<Double?>.element(of: specials).map { $0 ?? 0 }),
        // Random.double cannot span −1e308…1e308 (its width overflows): 10^e of either sign instead.
        (weight: 1, gen: Gen.double(in: -308...308).map { pow(10, $0) }),
        (weight: 1, gen: Gen.double(in: -308...308).map { -pow(10, $0) }),
        (weight: 1, gen: Gen.double(in: 0...1e-305)),
        (weight: 3, gen: Gen.double(in: -3...3)))
    }

    /// A loss curve: mostly ordinary values with extreme ones mixed in.
    static var curve: Generator<[Double], Generator<Double, AnySequence<(index: Int, value: Any)>>.ArrayShrink> {
        Gen<Double>.frequency(
            (weight: 4, gen: Gen.double(in: 0.01...3)),
            (weight: 1, gen: value)
        ).array(of: 0...40)
    }
}

extension ExtremeValues {
    /// Builds a chart from generated parts; the range is ordered and NaN-free, as `ClosedRange` requires.
    static func chart(curves: [[Double]], xs: [Double]?, logY: Bool, range: (Double, Double)?, points: Bool) -> Chart {
        let series = curves.enumerated().map { k, y in
            Series(name: "run \(k)", x: xs.map { Array($0.prefix(y.count)) } ?? y.indices.map(Double.init), y: y, style: points ? .points : .line)
        }
        var yRange: ClosedRange<Double>?
        if let (a, b) = range, !a.isNaN, !b.isNaN { yRange = min(a, b)...max(a, b) }
        return Chart(
            title: "extreme", xLabel: "step", yLabel: "loss", yScale: logY ? .log : .linear, series: series,
            markers: [.vertical(at: 3, label: "event"), .point(x: 1, y: 1e300, label: "far")], yRange: yRange)
    }
}
