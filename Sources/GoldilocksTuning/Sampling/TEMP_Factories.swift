// TEMPORARY until the samplers branch merges: not to be committed.
import GoldilocksCore
struct TempRandom: Sampler {
    let seed: UInt64
    func parameters(forTrial number: Int, in space: SearchSpace, trials: [TrialRecord]) -> [String: ParameterValue] {
        var g = SeededGenerator(seed: seed &+ UInt64(number) &* 7919)
        var p: [String: ParameterValue] = [:]
        for (name, d) in space.parameters {
            switch d {
            case .float(let lo, let hi, _): p[name] = .float(exp(Double.random(in: log(lo)...log(hi), using: &g)))
            case .categorical(let c): p[name] = .choice(c[number % c.count])
            }
        }
        return p
    }
}
import Foundation
extension SamplerChoice {
    public func makeSampler(seed: UInt64, points: Int, suggestion: Double?) -> any Sampler { TempRandom(seed: seed) }
}
extension PrunerChoice {
    public func makePruner() -> (any Pruner)? { nil }
}
public func openStudyStorage(url: String) throws -> any StudyStorage { throw StudyStorageError.badURL(url, reason: "not yet") }
