import Foundation
import TestSupport

/// `curves.json`: recorded curves with the suggestions of fastai's and torch-lr-finder's own functions.
struct CurveFixtures: Decodable, Sendable {
    struct Reference: Decodable, Sendable {
        let method: String
        let num_it: Int?
        let points: Int
        let lr_diff: Int?
        let thresh: Double?
        let adjust_value: Double?
        let lr: Double?
        let index: Int?
        let loss: FixtureNumber?
        let error: String?
    }

    struct Curve: Decodable, Sendable {
        let name: String
        let source: String
        let lrs: [Double]
        let losses: [FixtureNumber]
        let references: [Reference]
    }

    let curves: [Curve]

    static func load() throws -> CurveFixtures { try loadFixture(CurveFixtures.self, named: "curves", in: .module) }
}

/// `torch-range-test.json` and `fastai-range-test.json`: the libraries' range tests fed a scripted loss.
struct ScriptedRunFixtures: Decodable, Sendable {
    struct Run: Decodable, Sendable {
        let name: String
        let raw: [Double]
        let start_lr: Double
        let end_lr: Double
        let num_iter: Int?
        let num_it: Int?
        let step_mode: String?
        let smooth_f: Double?
        let diverge_th: Double?
        let lrs: [Double]
        let losses: [FixtureNumber]
        let suggestions: [String: Double]?
    }

    let runs: [Run]
}

/// `smoothing.json`: fastai's `AvgSmoothLoss` on a sequence of losses.
struct SmoothingFixture: Decodable, Sendable {
    let beta: Double
    let raw: [Double]
    let smoothed: [Double]
}
