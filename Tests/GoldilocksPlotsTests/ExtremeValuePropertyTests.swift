import Foundation
import PropertyBased
import Testing
@testable import GoldilocksPlots

/// Whatever the values, a chart is drawn within its size, in bounded time, with nothing that
/// cannot be written: no trap, no hang, no NaN in a coordinate.
@Suite struct ExtremeValuePropertyTests {
    @Test func aTerminalChartOfAnyValuesFitsItsWidthAndHeight() async {
        await propertyCheck(
            count: 300,
            input: ExtremeValues.curve.array(of: 1...3), ExtremeValues.value.array(of: 40), Gen.bool(), Gen.bool(),
            ExtremeValues.value, ExtremeValues.value, Gen.int(in: 0...3), Gen.int(in: 24...140), Gen.int(in: 1...30)
        ) { curves, xs, logY, points, a, b, variant, width, height in
            let chart = ExtremeValues.chart(
                curves: curves, xs: variant == 1 ? xs : nil, logY: logY, range: variant == 2 ? (a, b) : nil, points: points)
            let lines = chart.terminal(width: width, height: height).split(separator: "\n", omittingEmptySubsequences: false)
            // Title, y label, two axis lines, x label, a legend of three series and two markers, three
            // notes of clipped values and up to three of coinciding series (one per pair).
            #expect(lines.count <= max(height, 4) + 15)
            for line in lines { #expect(line.count <= width, "\(line)") }
        }
    }

    @Test func anSVGChartOfAnyValuesIsValidWithEveryCoordinateInsideTheDocument() async {
        await propertyCheck(
            count: 200,
            input: ExtremeValues.curve.array(of: 1...3), ExtremeValues.value.array(of: 40), Gen.bool(), Gen.bool(),
            ExtremeValues.value, ExtremeValues.value, Gen.int(in: 0...3)
        ) { curves, xs, logY, points, a, b, variant in
            let chart = ExtremeValues.chart(
                curves: curves, xs: variant == 1 ? xs : nil, logY: logY, range: variant == 2 ? (a, b) : nil, points: points)
            let svg = chart.svg(width: 720, height: 440)
            let parsed = SVGElements.parse(svg)
            #expect(parsed != nil, "not well-formed XML")
            for element in parsed?.elements ?? [] {
                for (name, value) in element.attributes where SVGCoordinates.attributes.contains(name) {
                    for number in SVGCoordinates.numbers(in: value) {
                        #expect(number.isFinite && abs(number) <= 1000, "\(element.name) \(name)=\(value)")
                    }
                }
            }
        }
    }

    @Test func figuresOfAnyLossesRenderInBothFormats() async {
        await propertyCheck(count: 200, input: ExtremeValues.curve.array(of: 1...3), Gen.int(in: 0...2)) { curves, scale in
            let runs = curves.enumerated().map { k, loss in ("run \(k)", Array(loss.indices), loss) }
            let logY: Bool? = scale == 0 ? nil : scale == 1
            let chart = Figures.lossCurves(runs, logY: logY)
            #expect(chart.terminal(width: 80, height: 12).split(separator: "\n").allSatisfy { $0.count <= 80 })
            #expect(SVGElements.parse(chart.svg()) != nil)
            let range = Figures.rangeTest(learningRates: curves[0].indices.map { 1e-6 * pow(10, Double($0) / 4) }, losses: curves[0])
            #expect(SVGElements.parse(range.svg()) != nil)
            _ = range.terminal(width: 80)
        }
    }

    @Test func ticksOfAnyRangeAreFewFiniteAndIncreasing() async {
        await propertyCheck(count: 1000, input: ExtremeValues.value, ExtremeValues.value, Gen.int(in: -3...40)) { a, b, count in
            for ticks in [Ticks.linear(a, b, count: count), Ticks.log(a, b)] {
                #expect(!ticks.isEmpty)
                #expect(ticks.allSatisfy { $0.value.isFinite })
                #expect(zip(ticks, ticks.dropFirst()).allSatisfy { $0.value < $1.value })
                #expect(ticks.filter { $0.label != nil }.count <= 13)
            }
        }
    }

    @Test func anAxisOfAnyRangeHasWidthAndPlacesAnyValueBoundedly() async {
        await propertyCheck(count: 1000, input: ExtremeValues.value, ExtremeValues.value, ExtremeValues.value, Gen.bool()) { a, b, v, log in
            let axis = Axis(scale: log ? .log : .linear, lower: a, upper: b)
            #expect(axis.lower.isFinite && axis.upper.isFinite && axis.lower < axis.upper)
            if let f = axis.fraction(v) { #expect(f.isFinite && abs(f) <= Axis.fractionLimit) }
        }
    }
}

/// The numbers in SVG coordinate attributes.
enum SVGCoordinates {
    static let attributes: Set<String> = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "d", "transform"]

    /// Every number in an attribute; anything that is not a number (a NaN written out) as NaN.
    static func numbers(in value: String) -> [Double] {
        if value.hasSuffix("%") { return [] }
        let separators = CharacterSet(charactersIn: "MLZHVCSQTAmlzhvcsqta ,()").union(.whitespaces)
        let words = value.replacingOccurrences(of: "translate", with: " ").replacingOccurrences(of: "rotate", with: " ")
            .components(separatedBy: separators).filter { !$0.isEmpty }
        return words.map { Double($0) ?? .nan }
    }
}
