import Foundation
import GoldilocksOptimizers
import GoldilocksSchedules
import GoldilocksSpec
import Testing
import TestSupport

/// `optimizer-schedules.json` records, for PyTorch optimizers driven by lr schedulers, the lr and
/// momentum (SGD `momentum`, Adam `betas[0]`) each step used. Setting exactly those through
/// `learningRates` and `momenta` before each step must reproduce PyTorch's parameters: the
/// optimizer reads its hyper-parameters afresh every step, as PyTorch's do.
@Suite struct ScheduleReplayTests {
    struct Fixture: Decodable {
        struct Case: Decodable {
            let name: String
            let optimizer: JSONValue
            let schedule: JSONValue
            let start: [Double]
            let lrs: [Double]
            let momenta: [Double?]
            let steps: [[Double]]
        }
        let quadratic: ReferenceFixture.Quadratic
        let cases: [Case]
    }

    @Test func schedulesBuiltFromTheirSpecsDriveOptimizersToPyTorchsParameters() throws {
        // The same runs end to end: the schedule spec decoded by makeSchedule sets lr (and the
        // cycled momentum) before each step, as a PyTorch scheduler stepped after optimizer.step().
        let fixture = try loadFixture(Fixture.self, named: "optimizer-schedules", in: .module)
        let n = fixture.quadratic.dimension
        var checked = 0
        for reference in fixture.cases {
            let optimizerSpec = try Spec(value: reference.optimizer)
            var optimizer: any Optimizer<Double> = try makeOptimizer(optimizerSpec, parameterCount: n)
            let schedule = try makeSchedule(try Spec(value: reference.schedule), learningRate: optimizer.learningRates[0])
            var parameters = reference.start
            var gradients = [Double](repeating: 0, count: n)
            for (step, expected) in reference.steps.enumerated() {
                expectClose(schedule(step), reference.lrs[step], rtol: 1e-12, "\(reference.name) lr at step \(step)")
                optimizer.learningRates = [schedule(step)]
                if let momentum = schedule.momentum(at: step) { optimizer.momenta = [momentum] }
                fixture.quadratic.gradient(at: parameters, into: &gradients)
                try optimizer.step(parameters: &parameters, gradients: gradients)
                expectClose(parameters, expected, rtol: 1e-9, "\(reference.name), step \(step + 1)")
                checked += n
            }
        }
        #expect(checked == 6 * (40 + 30 * 5))
    }

    @Test func replayingPyTorchsScheduledLearningRatesAndMomentaGivesItsParameters() throws {
        let fixture = try loadFixture(Fixture.self, named: "optimizer-schedules", in: .module)
        let n = fixture.quadratic.dimension
        var checked = 0
        var maxRelativeError = 0.0
        for reference in fixture.cases {
            var optimizer: any Optimizer<Double> = try makeOptimizer(try Spec(value: reference.optimizer), parameterCount: n)
            var parameters = reference.start
            var gradients = [Double](repeating: 0, count: n)
            for (step, expected) in reference.steps.enumerated() {
                optimizer.learningRates = [reference.lrs[step]]
                optimizer.momenta = [reference.momenta[step]]
                fixture.quadratic.gradient(at: parameters, into: &gradients)
                try optimizer.step(parameters: &parameters, gradients: gradients)
                expectClose(parameters, expected, rtol: 1e-9, "\(reference.name), step \(step + 1)")
                checked += n
                for (a, e) in zip(parameters, expected) { maxRelativeError = max(maxRelativeError, abs(a - e) / abs(e)) }
            }
        }
        print("scheduled float64: \(checked) values, max relative error \(maxRelativeError)")
        #expect(checked == 6 * (40 + 30 * 5))
    }
}

extension ReferenceFixture.Quadratic {
    /// The gradient `A·x − b`, as scripts/optimizer-fixtures computes it.
    func gradient(at x: [Double], into gradients: inout [Double]) {
        for i in 0..<dimension {
            var sum = 0.0
            for j in 0..<dimension { sum += matrix[i * dimension + j] * x[j] }
            gradients[i] = sum - vector[i]
        }
    }
}
