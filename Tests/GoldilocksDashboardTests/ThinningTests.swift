@testable import GoldilocksDashboard
import Testing

@Suite("Thinning a series for drawing")
struct ThinningTests {
    @Test("a million points become a few thousand, and a one-step spike and a NaN survive")
    func extremesKept() {
        let count = 1_000_000
        var y = (0..<count).map { 1 / Double(1 + $0) }
        y[777_777] = 50
        y[333_333] = .nan
        let (x, kept) = Thinning.keepingExtremes(x: (0..<count).map(Double.init), y: y, maxPoints: 2_000)
        #expect(kept.count <= 2_000)
        #expect(x.contains(777_777) && kept.contains(50))
        #expect(kept.contains { $0.isNaN })
        #expect(x.first == 0 && x.last == Double(count - 1))
        #expect(zip(x, x.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test("a short series is left as it is")
    func short() {
        let (x, y) = Thinning.keepingExtremes(x: [0, 1, 2], y: [3, 2, 1], maxPoints: 2_000)
        #expect(x == [0, 1, 2] && y == [3, 2, 1])
    }
}
