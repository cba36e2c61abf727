import GoldilocksOptimizers
import GoldilocksSchedules
import GoldilocksLandscapes
import Testing
import TestSupport

/// `lr(k)` from a table, and a momentum for every step when one is given.
private struct TableSchedule: LearningRateSchedule {
    var rates: [Double]
    var cycledMomentum: Double?
    func callAsFunction(_ step: Int) -> Double { rates[step] }
    func momentum(at step: Int) -> Double? { cycledMomentum }
}

@Suite struct TrajectoryTests {
    private func sgd(_ lr: Double, momentum: Double = 0, count: Int = 1) throws -> SGD<Double> {
        try SGD(parameterCount: count, hyperparameters: SGDHyperparameters(learningRate: lr, momentum: momentum))
    }

    @Test func gradientDescentOnTheQuadraticShrinksByOneMinusTwiceTheLearningRate() throws {
        let trajectory = try Trajectory(landscape: Quadratic(dimension: 1), start: [5], optimizer: try sgd(0.1), steps: 10)
        #expect(trajectory.rows.map(\.step) == Array(0...10))
        #expect(trajectory.divergedAt == nil)
        for row in trajectory.rows {
            // x_k = 5·0.8^k and loss x².
            expectClose(row.position[0], 5 * pow08(row.step), rtol: 1e-13)
            expectClose(row.loss, row.position[0] * row.position[0], rtol: 1e-15)
        }
    }

    @Test func aWalkHandsOverEachRowAsItIsComputedAndCanRunForAnyStepCount() throws {
        struct Enough: Error {}
        var seen: [Int] = []
        #expect(throws: Enough.self) {
            _ = try Trajectory.walk(landscape: Quadratic(dimension: 1), start: [5], optimizer: try sgd(0.1), steps: Int.max) { row in
                seen.append(row.step)
                if row.step == 3 { throw Enough() }
            }
        }
        #expect(seen == [0, 1, 2, 3])
    }

    private func pow08(_ k: Int) -> Double { (0..<k).reduce(1.0) { value, _ in value * 0.8 } }

    @Test func aDivergingRunStopsAtTheFirstNonFiniteStepWithoutCrashing() throws {
        // x ← x·(1 − 2e100): about −1e101 (loss 1e202) after one step, 2e201 at the second, whose loss overflows.
        let trajectory = try Trajectory(landscape: Quadratic(dimension: 2), start: [5, 1], optimizer: try sgd(1e100, count: 2), steps: 50)
        #expect(trajectory.divergedAt == 2)
        #expect(trajectory.rows.count == 2)
        #expect(trajectory.rows.allSatisfy { $0.loss.isFinite && $0.position.allSatisfy(\.isFinite) })
        #expect(trajectory.json().hasSuffix(",\"diverged_at\":2}\n"))
    }

    @Test func aScheduleSetsTheLearningRateBeforeEachStep() throws {
        let schedule = TableSchedule(rates: [0.25, 0, 0.5])
        let trajectory = try Trajectory(landscape: Quadratic(dimension: 1), start: [4], optimizer: try sgd(99), schedule: schedule, steps: 3)
        // 4·(1 − 0.5) = 2; unchanged at lr 0; 2·(1 − 1) = 0.
        #expect(trajectory.rows.map { $0.position[0] } == [4, 2, 2, 0])
    }

    @Test func aCyclingScheduleSetsTheMomentum() throws {
        // SGD built without momentum, as PyTorch's OneCycleLR sets group["momentum"] anyway.
        let schedule = TableSchedule(rates: [0.1, 0.1], cycledMomentum: 0.5)
        let trajectory = try Trajectory(landscape: Quadratic(dimension: 1), start: [1], optimizer: try sgd(0.1), schedule: schedule, steps: 2)
        // Step 1: buffer 2, x = 0.8. Step 2: buffer 0.5·2 + 1.6 = 2.6, x = 0.8 − 0.26.
        expectClose(trajectory.rows[2].position[0], 0.8 - 0.1 * 2.6, rtol: 1e-15)
    }

    @Test func adamFindsRosenbrocksValleyFloor() throws {
        let adam = try Adam<Double>(parameterCount: 2, hyperparameters: AdamHyperparameters(learningRate: 0.02))
        let trajectory = try Trajectory(landscape: Rosenbrock(), start: [-1.2, 1], optimizer: adam, steps: 2000)
        let last = try #require(trajectory.rows.last)
        #expect(last.loss < 1e-3)
        #expect(last.loss < trajectory.rows[0].loss / 1000)
    }

    @Test func csvHasAStepLossAndCoordinateColumnsForStepsZeroToN() throws {
        let trajectory = try Trajectory(landscape: Booth(), start: [0, 0], optimizer: try sgd(0.05, count: 2), steps: 2)
        let lines = trajectory.csv().split(separator: "\n")
        #expect(lines.first == "step,loss,x0,x1")
        #expect(lines.count == 4)
        // Booth at (0, 0): 49 + 25 = 74; gradient (2·(−7) + 4·(−5), 4·(−7) + 2·(−5)) = (−34, −38).
        #expect(lines[1] == "0,74.0,0.0,0.0")
        let first = lines[2].split(separator: ",").compactMap { Double($0) }
        #expect(first[2] == 0.05 * 34 && first[3] == 0.05 * 38)
    }

    @Test func badInputIsAnErrorNotACrash() throws {
        #expect(throws: TrajectoryError.startDimension(3, expected: 2)) {
            try Trajectory(landscape: Rosenbrock(), start: [1, 2, 3], optimizer: self.sgd(0.1, count: 3), steps: 5)
        }
        #expect(throws: TrajectoryError.negativeSteps(-1)) {
            try Trajectory(landscape: Booth(), start: [1, 2], optimizer: self.sgd(0.1, count: 2), steps: -1)
        }
        #expect(throws: TrajectoryError.self) {
            try Trajectory(landscape: Booth(), start: [.nan, 2], optimizer: self.sgd(0.1, count: 2), steps: 1)
        }
    }
}
