import GoldilocksSpec

/// PyTorch's `ReduceLROnPlateau`: cuts the learning rate by `factor` when a metric stops
/// improving for more than `patience` steps. Stateful: feed it the metric with `step(metric:)`.
///
/// A metric is better than the best so far when, strictly, `a < best·(1 − threshold)` (min, rel),
/// `a < best − threshold` (min, abs), `a > best·(1 + threshold)` (max, rel) or
/// `a > best + threshold` (max, abs); NaN is never better. On the (patience+1)-th bad step in a
/// row, `new = max(lr·factor, min_lr)` is applied if `lr − new > eps`, then `cooldown` steps
/// count no bad steps. Defaults follow PyTorch: min, `factor` 0.1, `patience` 10,
/// `threshold` 1e-4 rel, `cooldown` 0, `min_lr` 0, `eps` 1e-8.
public struct ReduceOnPlateau: Codable, Sendable, Equatable {
    /// Whether a lower or a higher metric is better.
    public enum Mode: String, Codable, Sendable, CaseIterable {
        /// Lower is better (a loss).
        case min
        /// Higher is better (an accuracy).
        case max
    }

    /// How `threshold` measures a significant improvement.
    public enum ThresholdMode: String, Codable, Sendable, CaseIterable {
        /// Relative to the best value.
        case rel
        /// In the metric's own units.
        case abs
    }

    /// The learning rate now (starts at the optimizer's).
    public private(set) var learningRate: Double
    /// Whether lower or higher metrics are better.
    public var mode: Mode
    /// The factor applied at each cut, in [0, 1).
    public var factor: Double
    /// Bad steps tolerated before a cut.
    public var patience: Int
    /// The smallest improvement that counts.
    public var threshold: Double
    /// Whether `threshold` is relative or absolute.
    public var thresholdMode: ThresholdMode
    /// Steps after a cut during which bad steps are not counted.
    public var cooldown: Int
    /// The learning rate never goes below this.
    public var minimumLearningRate: Double
    /// Cuts smaller than this are skipped.
    public var eps: Double
    /// The best metric so far (±infinity before the first).
    public private(set) var best: Double
    /// Bad steps in a row.
    public private(set) var badSteps = 0
    /// Steps of cooldown left.
    public private(set) var cooldownLeft = 0

    /// A plateau controller; throws unless `0 ≤ factor < 1` and the counts are not negative.
    public init(
        learningRate: Double, mode: Mode = .min, factor: Double = 0.1, patience: Int = 10, threshold: Double = 1e-4,
        thresholdMode: ThresholdMode = .rel, cooldown: Int = 0, minimumLearningRate: Double = 0, eps: Double = 1e-8
    ) throws(SpecError) {
        guard factor < 1 else { throw SpecError.outOfRange(owner: "ReduceLROnPlateau", parameter: "factor", requirement: "< 1 (it multiplies the learning rate)", value: "\(factor)") }
        guard factor >= 0 else { throw SpecError.outOfRange(owner: "ReduceLROnPlateau", parameter: "factor", requirement: "≥ 0", value: "\(factor)") }
        guard patience >= 0 else { throw SpecError.outOfRange(owner: "ReduceLROnPlateau", parameter: "patience", requirement: "≥ 0", value: "\(patience)") }
        guard cooldown >= 0 else { throw SpecError.outOfRange(owner: "ReduceLROnPlateau", parameter: "cooldown", requirement: "≥ 0", value: "\(cooldown)") }
        guard minimumLearningRate >= 0 else { throw SpecError.outOfRange(owner: "ReduceLROnPlateau", parameter: "min_lr", requirement: "≥ 0", value: "\(minimumLearningRate)") }
        guard eps >= 0 else { throw SpecError.outOfRange(owner: "ReduceLROnPlateau", parameter: "eps", requirement: "≥ 0", value: "\(eps)") }
        self.learningRate = learningRate
        self.mode = mode
        self.factor = factor
        self.patience = patience
        self.threshold = threshold
        self.thresholdMode = thresholdMode
        self.cooldown = cooldown
        self.minimumLearningRate = minimumLearningRate
        self.eps = eps
        self.best = mode == .min ? .infinity : -.infinity
    }

    /// Whether `metric` improves on the best so far by more than the threshold.
    public func isBetter(_ metric: Double) -> Bool {
        switch (mode, thresholdMode) {
        case (.min, .rel): metric < best * (1.0 - threshold)
        case (.min, .abs): metric < best - threshold
        case (.max, .rel): metric > best * (threshold + 1.0)
        case (.max, .abs): metric > best + threshold
        }
    }

    /// Takes the metric measured after a step and returns the learning rate for the next one.
    @discardableResult
    public mutating func step(metric: Double) -> Double {
        if isBetter(metric) {
            best = metric
            badSteps = 0
        } else {
            badSteps += 1
        }
        if cooldownLeft > 0 {
            cooldownLeft -= 1
            badSteps = 0
        }
        if badSteps > patience {
            let reduced = Swift.max(learningRate * factor, minimumLearningRate)
            if learningRate - reduced > eps { learningRate = reduced }
            cooldownLeft = cooldown
            badSteps = 0
        }
        return learningRate
    }
}
