import Foundation

/// The learning rates a range test tries, one per step, growing from `start` towards `end`.
///
/// Step `i` of `iterations` sits at position `p`, and
/// `lr = start * (end/start)^p` (exponential) or `lr = start + p * (end - start)` (linear).
/// - `.fastai` (the default): `p = i / iterations`, fastai's `LRFinder`; `end` is never reached
///   (with the defaults 1e-7, 10, 100 the last step is about 8.3).
/// - `.endpointIncluded`: `p = i / (iterations - 1)`, torch-lr-finder's `ExponentialLR`/`LinearLR`;
///   the last step is exactly `end`.
public struct LearningRateSweep: Sendable, Codable, Equatable {
    /// How the learning rate grows between `start` and `end`.
    public enum Mode: String, Sendable, Codable, CaseIterable {
        /// Equal ratios per step (both libraries' default).
        case exponential = "exp"
        /// Equal increments per step (Leslie Smith's range test).
        case linear
    }

    /// Where step `i` sits between `start` and `end`.
    public enum Position: String, Sendable, Codable, CaseIterable {
        /// `i / iterations` (fastai).
        case fastai
        /// `i / (iterations - 1)` (torch-lr-finder).
        case endpointIncluded = "endpoint-included"
    }

    /// The first learning rate.
    public let start: Double
    /// The learning rate the sweep heads for.
    public let end: Double
    /// The number of steps.
    public let iterations: Int
    /// Exponential or linear growth.
    public let mode: Mode
    /// Which library's step positions.
    public let position: Position

    /// A sweep; the defaults are fastai's `lr_find`: 1e-7 to 10 in 100 exponential steps.
    public init(
        start: Double = 1e-7, end: Double = 10, iterations: Int = 100, mode: Mode = .exponential,
        position: Position = .fastai
    ) throws(RangeTestError) {
        guard start.isFinite, start > 0 else { throw .badStart(start) }
        guard end.isFinite, end > start else { throw .badEnd(end, start: start) }
        guard iterations >= 2 else { throw .tooFewIterations(iterations) }
        self.start = start
        self.end = end
        self.iterations = iterations
        self.mode = mode
        self.position = position
    }

    /// The learning rate of step `i` (0-based).
    public func callAsFunction(_ i: Int) -> Double {
        let p = Double(i) / Double(position == .fastai ? iterations : iterations - 1)
        switch mode {
        case .exponential: return start * pow(end / start, p)
        case .linear: return start + p * (end - start)
        }
    }

    /// Every learning rate of the sweep, in order.
    public var lrs: [Double] { (0..<iterations).map { self($0) } }

    /// Checks a decoded sweep as `init` does.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            start: c.decode(Double.self, forKey: .start), end: c.decode(Double.self, forKey: .end),
            iterations: c.decode(Int.self, forKey: .iterations), mode: c.decode(Mode.self, forKey: .mode),
            position: c.decode(Position.self, forKey: .position))
    }
}
