import GoldilocksCore

extension SeededGenerator {
    /// A uniform integer in `0..<bound` (Lemire's multiply-and-reject method), spelled out here so
    /// shuffles stay the same whatever the standard library's own algorithm becomes.
    mutating func index(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    /// Shuffles `values` in place (Fisher–Yates, from the back).
    mutating func shuffle<T>(_ values: inout [T]) {
        var i = values.count - 1
        while i > 0 {
            values.swapAt(i, index(below: i + 1))
            i -= 1
        }
    }
}
