import GoldilocksSchedules
import PropertyBased
import TestSupport
import Testing

/// Invariants that hold for every configuration, not only the fixtures'.
@Suite struct SchedulePropertyTests {
    @Test func cosineAnnealingStaysBetweenItsMinimumAndTheLearningRate() async {
        await propertyCheck(input: Gen.double(in: 1e-4...1), Gen.double(in: 0...1), Gen.int(in: 1...200), Gen.int(in: 0...2000)) {
            lr, fraction, period, step in
            let schedule = try CosineAnnealing(learningRate: lr, maximumSteps: period, minimum: lr * fraction)
            let value = schedule(step)
            #expect(value >= lr * fraction * (1 - 1e-12) && value <= lr * (1 + 1e-12))
        }
    }

    @Test func cosineAnnealingHasPeriodTwiceTMax() async {
        await propertyCheck(input: Gen.int(in: 1...100), Gen.int(in: 0...500)) { period, step in
            let schedule = try CosineAnnealing(learningRate: 0.1, maximumSteps: period, minimum: 0.001)
            expectClose(schedule(step + 2 * period), schedule(step), rtol: 1e-9, atol: 1e-15)
        }
    }

    @Test func warmRestartsRestartAtTheLearningRateAndNeverReachTheMinimum() async {
        await propertyCheck(input: Gen.int(in: 1...20), Gen.int(in: 1...3), Gen.int(in: 0...3000)) { first, multiplier, step in
            let schedule = try WarmRestarts(learningRate: 1, firstPeriod: first, periodMultiplier: multiplier, minimum: 0.01)
            let (position, length) = schedule.cycle(at: step)
            #expect(position >= 0 && position < length)
            #expect(schedule(step) > 0.01 && schedule(step) <= 1)
            if position == 0 { #expect(schedule(step) == 1) }
        }
    }

    @Test func warmRestartsWithoutMultiplierArePeriodic() async {
        await propertyCheck(input: Gen.int(in: 1...50), Gen.int(in: 0...1000)) { period, step in
            let schedule = try WarmRestarts(learningRate: 0.1, firstPeriod: period)
            #expect(schedule(step + period) == schedule(step))
        }
    }

    @Test func cyclicalStaysInItsBandsAndRepeatsEachCycle() async {
        await propertyCheck(input: Gen.int(in: 1...50), Gen.int(in: 0...50), Gen.int(in: 0...1000)) { up, down, step in
            let schedule = try Cyclical(base: 0.001, maximum: 0.1, stepsUp: up, stepsDown: down)
            let lr = schedule(step)
            let momentum = schedule.momentum(at: step) ?? .nan
            #expect(lr >= 0.001 * (1 - 1e-12) && lr <= 0.1 * (1 + 1e-12))
            #expect(momentum >= 0.8 - 1e-12 && momentum <= 0.9 + 1e-12)
            expectClose(schedule(step + up + down), lr, rtol: 1e-9, atol: 1e-15)
        }
    }

    @Test func oneCycleRisesThenFallsWithinItsRange() async {
        await propertyCheck(input: Gen.int(in: 10...500), Gen.double(in: 0.15...0.85), Gen.bool()) { total, warmup, linear in
            let schedule = try OneCycle(maximum: 0.1, totalSteps: total, warmupFraction: warmup, annealing: linear ? .linear : .cos)
            let values = schedule.values(count: total)  // steps 0…T−1: PyTorch's defined range
            let peak = values.indices.max { values[$0] < values[$1] } ?? 0
            for step in 1..<values.count {
                if step <= peak {
                    #expect(values[step] >= values[step - 1] * (1 - 1e-12))
                } else {
                    #expect(values[step] <= values[step - 1] * (1 + 1e-12))
                }
            }
            #expect(values.allSatisfy { $0 >= 0.1 / 25 / 1e4 * (1 - 1e-9) && $0 <= 0.1 * (1 + 1e-12) })
            expectClose(values[total - 1], 0.1 / 25 / 1e4)  // min_lr at T − 1
        }
    }

    @Test func transformersWarmupRisesThenTheDecayFalls() async {
        await propertyCheck(input: Gen.int(in: 0...50), Gen.int(in: 1...300), Gen.bool()) { warmup, length, cosine in
            let schedule = try WarmupDecay(
                learningRate: 1e-3, warmupSteps: warmup, trainingSteps: warmup + length, shape: cosine ? .cosine(cycles: 0.5) : .linear)
            let values = schedule.values(count: warmup + length + 1)
            for step in 1..<values.count {
                if step <= warmup {
                    #expect(values[step] >= values[step - 1])
                } else {
                    #expect(values[step] <= values[step - 1])
                }
            }
            #expect(values.allSatisfy { $0 >= 0 && $0 <= 1e-3 * (1 + 1e-12) })
        }
    }

    @Test func optaxWarmupCosineStaysBetweenItsEndsAndPeak() async {
        await propertyCheck(input: Gen.int(in: 0...50), Gen.int(in: 1...300), Gen.int(in: 0...500)) { warmup, decay, step in
            let schedule = try JoinedSchedule.warmupCosineDecay(initial: 1e-5, peak: 1e-3, warmupSteps: warmup, decaySteps: warmup + decay, end: 1e-4)
            let value = schedule(step)
            #expect(value >= 1e-5 * (1 - 1e-12) && value <= 1e-3 * (1 + 1e-12))
            if step >= warmup + decay { expectClose(value, 1e-4) }
        }
    }

    @Test func aChainOfOneSchedulerIsThatScheduler() async {
        await propertyCheck(input: Gen.int(in: 1...30), Gen.double(in: 0...0.05), Gen.int(in: 1...100)) { period, minimum, count in
            let cosine = try CosineAnnealing(learningRate: 0.1, maximumSteps: period, minimum: minimum)
            let chained = try ChainedSchedule(learningRate: 0.1, schedules: [cosine])
            expectClose(chained.values(count: count), cosine.values(count: count), rtol: 1e-9, atol: 1e-15)
        }
    }
}
