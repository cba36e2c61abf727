import GoldilocksFinder
import Testing
import TestSupport

/// A step closure that returns the scripted losses one after another and records the learning rates.
final class ScriptedStep {
    let losses: [Double]
    private(set) var lrs: [Double] = []

    init(_ losses: [Double]) { self.losses = losses }

    func callAsFunction(_ lr: Double) -> Double {
        lrs.append(lr)
        return losses[lrs.count - 1]
    }
}

@Suite("Range test")
struct RangeTestTests {
    @Test func matchesTorchLRFindersRangeTestStepForStep() throws {
        let fixture = try loadFixture(ScriptedRunFixtures.self, named: "torch-range-test", in: .module)
        for run in fixture.runs {
            let smoothing = try #require(run.smooth_f) == 0 ? LossSmoothing.none : .seeded(factor: try #require(run.smooth_f))
            let test = try RangeTest(
                sweep: LearningRateSweep(
                    start: run.start_lr, end: run.end_lr, iterations: try #require(run.num_iter),
                    mode: run.step_mode == "linear" ? .linear : .exponential, position: .endpointIncluded),
                smoothing: smoothing, divergenceFactor: run.diverge_th)
            let step = ScriptedStep(run.raw)
            let result = test.run { step($0) }
            expectClose(result.lrs, run.lrs, rtol: 1e-12, "\(run.name) lrs")
            expectClose(result.smoothedLosses, run.losses.map(\.value), rtol: 1e-12, "\(run.name) losses")
            #expect(result.stoppedEarly == (run.lrs.count < run.num_iter ?? 0), "\(run.name)")
            #expect(step.lrs == result.lrs)
        }
    }

    @Test func matchesFastaisLrFindIncludingWhereItStops() throws {
        let fixture = try loadFixture(ScriptedRunFixtures.self, named: "fastai-range-test", in: .module)
        for run in fixture.runs {
            let iterations = try #require(run.num_it)
            let test = try RangeTest(sweep: LearningRateSweep(start: run.start_lr, end: run.end_lr, iterations: iterations))
            let result = test.run(ScriptedStep(run.raw).callAsFunction)
            // fastai's learning rates are Python floats; its losses are float32 tensors.
            expectClose(result.lrs, run.lrs, rtol: 1e-12, "\(run.name) lrs")
            expectClose(result.smoothedLosses, run.losses.map(\.value), rtol: 1e-5, "\(run.name) losses")
            for (name, lr) in try #require(run.suggestions) {
                let method = try #require(SuggestionMethod(rawValue: name))
                // fastai hands the rules float32 tensors, so its lrs are rounded to float32.
                expectClose(try #require(result.suggestion(method)).lr, lr, rtol: 1e-6, "\(run.name) \(name)")
            }
        }
    }

    @Test func divergenceStopsAtFourTimesTheBestSmoothedLossAndKeepsThatStep() throws {
        let test = try RangeTest(sweep: LearningRateSweep(iterations: 50), smoothing: .none)
        let result = test.run { lr in lr < 1e-3 ? 1 : 10 }
        let first = try #require(result.lrs.firstIndex { $0 >= 1e-3 })
        #expect(result.stop == .diverged(step: first, factor: 4))
        #expect(result.lrs.count == first + 1)
        #expect(result.rawLosses.last == 10)
    }

    @Test func aNonFiniteLossStopsTheTestUnlikeTheLibraries() throws {
        let test = try RangeTest(divergenceFactor: nil)
        var calls = 0
        let result = test.run { _ in
            calls += 1
            return calls < 30 ? 2 : .nan
        }
        #expect(result.stop == .nonFinite(step: 29))
        #expect(result.stoppedEarly)
        #expect(result.rawLosses.count == 30 && result.rawLosses[29].isNaN)
        #expect(!result.suggestions.isEmpty)
    }

    @Test func withoutDivergenceTheTestRunsEveryStepAndSuggestsFromTheSmoothedCurve() throws {
        let test = try RangeTest()
        let result = test.run { lr in 2 + 1 / (1 + lr * 1e3) }
        #expect(result.stop == .completed && !result.stoppedEarly)
        #expect(result.lrs.count == 100)
        let valley = try #require(result.suggestion(.valley))
        #expect(try valley == result.curve.suggest(.valley, options: .init(numIterations: 100)))
        #expect(result.failures.isEmpty)
    }

    @Test func aThrowingStepStopsTheTestWithItsError() throws {
        struct Boom: Error {}
        let test = try RangeTest()
        #expect(throws: Boom.self) { try test.run { _ in throw Boom() } }
    }

    @Test(arguments: [1.0, 0.5, Double.nan])
    func divergenceFactorsOfOneOrLessAreRejected(factor: Double) {
        let error = #expect(throws: RangeTestError.self) { try RangeTest(divergenceFactor: factor) }
        guard case .divergenceFactorTooSmall(let given)? = error else {
            Issue.record("expected divergenceFactorTooSmall, got \(String(describing: error))")
            return
        }
        #expect(given == factor || (given.isNaN && factor.isNaN))
    }

    @Test func torchLRFinderPresetUsesItsPositionsSmoothingAndThreshold() throws {
        let test = try RangeTest.torchLRFinder(start: 1e-5)
        #expect(test.sweep.position == .endpointIncluded)
        #expect(test.smoothing == .seeded(factor: 0.05))
        #expect(test.divergenceFactor == 5)
        #expect(test.methods.first == .steepest)
    }
}
