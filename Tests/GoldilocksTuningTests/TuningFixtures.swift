import Foundation
import GoldilocksTuning
import TestSupport

/// `pruners.json` (scripts/tuning-fixtures): asynchronous studies replayed in Optuna 5.0.0, each
/// report followed by Optuna's pruner decision.
struct PrunerFixtures: Decodable, Sendable {
    struct Spec: Decodable, Sendable {
        let kind: String
        let min_resource: Int?
        let reduction_factor: Int?
        let brackets: Int?
        let startup_trials: Int?
        let warmup_epochs: Int?
        let percentile: Double?
    }

    /// One line of the log: a trial asked, a report with Optuna's decision, or a trial's end.
    struct Event: Decodable, Sendable {
        let ask: Int?
        let trial: Int?
        let step: Int?
        let value: FixtureNumber?
        let prune: Bool?
        let pruned: Int?
        let complete: Int?
        let fail: Int?
    }

    struct Scenario: Decodable, Sendable {
        let name: String
        let pruner: Spec
        let events: [Event]
    }

    let optuna: String
    let scenarios: [Scenario]

    static func load() throws -> PrunerFixtures { try loadFixture(PrunerFixtures.self, named: "pruners", in: .module) }
}

/// `tpe.json` (scripts/tuning-fixtures): Optuna 5.0.0's Parzen estimators, splits and truncated normals.
struct TPEFixtures: Decodable, Sendable {
    struct DistributionSpec: Decodable, Sendable {
        let low: Double?
        let high: Double?
        let log: Bool?
        let categorical: [String]?

        var distribution: Distribution {
            if let categorical { return .categorical(choices: categorical) }
            return .float(low: low ?? 0, high: high ?? 1, log: log ?? false)
        }
    }

    struct Kernel: Decodable, Sendable {
        let means: [Double]?
        let sigmas: [Double]?
        let probabilities: [[Double]]?
    }

    struct Parzen: Decodable, Sendable {
        let distributions: [DistributionSpec]
        let observations: [[Double]]
        let weights: [Double]
        let kernels: [Kernel]
        let probes: [[Double]]
        let log_pdf: [FixtureNumber]
    }

    struct SplitTrial: Decodable, Sendable {
        let number: Int
        let state: String
        let intermediate: [String: FixtureNumber]
        let value: FixtureNumber?
    }

    struct Split: Decodable, Sendable {
        /// Whether every value is finite (the other cases hold NaN and inf).
        let finite: Bool
        let trials: [SplitTrial]
        let gamma: Int
        let below: [Int]
        let above: [Int]
    }

    struct TruncNorm: Decodable, Sendable {
        let a: Double
        let b: Double
        let q: Double
        let ppf: FixtureNumber
        let x: Double
        let loc: Double
        let scale: Double
        let logpdf: FixtureNumber
    }

    struct Mean: Decodable, Sendable {
        let mean: Double
        let sem: Double
    }

    /// Optuna's TPE on |log10(lr) + 2.5| over 1e-5…1: mean best of the first 8 and 16 trials.
    struct Benchmark: Decodable, Sendable {
        let seeds: Int
        let startup_trials: Int
        let best_of_8: Mean
        let best_of_16: Mean
    }

    let optuna: String
    let benchmark: Benchmark
    let parzen: [Parzen]
    let split: [Split]
    let truncnorm: [TruncNorm]

    static func load() throws -> TPEFixtures { try loadFixture(TPEFixtures.self, named: "tpe", in: .module) }
}
