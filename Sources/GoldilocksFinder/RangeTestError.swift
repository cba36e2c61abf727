/// A range test that cannot run as configured, with what to change.
public enum RangeTestError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A start learning rate that is not finite and positive.
    case badStart(Double)
    /// An end learning rate that is not finite or not above `start`.
    case badEnd(Double, start: Double)
    /// Fewer than 2 iterations.
    case tooFewIterations(Int)
    /// A divergence factor of 1 or less (the test would stop at once).
    case divergenceFactorTooSmall(Double)
    /// fastai's smoothing `beta` outside [0, 1).
    case smoothingBetaOutOfRange(Double)
    /// torch-lr-finder's smoothing factor outside [0, 1).
    case smoothingFactorOutOfRange(Double)
    /// Fewer than 1 repeat.
    case tooFewRepeats(Int)
    /// No results to aggregate.
    case noRepeats
    /// Repeats aggregated from different sweeps.
    case repeatsDiffer

    /// What is wrong and what to change.
    public var description: String {
        switch self {
        case let .badStart(start):
            "the start learning rate must be finite and positive, got \(start)"
        case let .badEnd(end, start):
            "the end learning rate must be finite and above the start \(start), got \(end)"
        case let .tooFewIterations(iterations):
            "a range test needs at least 2 iterations, got \(iterations) (100 is usual)"
        case let .divergenceFactorTooSmall(factor):
            "the divergence factor must be above 1, got \(factor) (fastai uses 4, torch-lr-finder 5)"
        case let .smoothingBetaOutOfRange(beta):
            "the smoothing beta must be in [0, 1), got \(beta) (fastai uses 0.98)"
        case let .smoothingFactorOutOfRange(factor):
            "the smoothing factor must be in [0, 1), got \(factor) (torch-lr-finder uses 0.05)"
        case let .tooFewRepeats(repeats):
            "repeats must be at least 1, got \(repeats)"
        case .noRepeats:
            "aggregating a range test needs at least one repeat"
        case .repeatsDiffer:
            "the repeats did not try the same learning rates: run them with one RangeTest"
        }
    }
}
