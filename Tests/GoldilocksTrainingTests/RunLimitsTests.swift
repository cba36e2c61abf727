import Testing

@testable import GoldilocksTraining

@Suite struct RunLimitsTests {
    @Test(arguments: [
        ([100_000, 100_000], 32, 20, "--model"),  // wider than 65,536
        ([60_000, 60_000], 32, 20, "--model"),  // 3.6 billion parameters
        ([64, 32], Int.max, 20, "--batch-size"),
        ([64, 32], 32, Int.max, "--epochs"),
        ([64, 32], 32, 4_611_686_018_427_387_904, "--epochs"),
    ])
    func hugeNumbersAreRefusedNamingTheOption(hidden: [Int], batchSize: Int, epochs: Int, option: String) {
        let error = #expect(throws: RunLimitError.self) {
            try RunLimits.check(hiddenLayers: hidden, batchSize: batchSize, epochs: epochs)
        }
        #expect(error?.option == option)
    }

    @Test func theDefaultsAndLargeButSaneRunsPass() throws {
        try RunLimits.check(hiddenLayers: [64, 32], batchSize: 32, epochs: 20)
        try RunLimits.check(hiddenLayers: [4096, 4096], batchSize: 1_000_000, epochs: 10_000_000)
    }

    @Test func parameterCountsNeverOverflow() {
        #expect(RunLimits.parameterCount([4, 64, 32, 3]) == (5 * 64) + (65 * 32) + (33 * 3))
        #expect(RunLimits.parameterCount([Int.max, 2]) == nil)
    }

    @Test func aSetupChecksTheStepsOnceTheDataFixesTheBatchesPerEpoch() {
        var configuration = RunConfiguration(data: "iris")  // 120 training rows: 4 batches of 32
        configuration.epochs = 5_000_000
        let error = #expect(throws: RunLimitError.self) { try TrainingSetup(configuration) }
        #expect(error == .tooManySteps(epochs: 5_000_000, stepsPerEpoch: 4, steps: 20_000_000))
        #expect(
            error?.description
                == "--epochs: a run takes at most 10,000,000 optimizer steps; 5,000,000 epochs (4 batches per epoch) would take 20,000,000")
    }

    @Test func stepsPerEpochDoNotOverflowForAHugeBatch() {
        #expect(TrainingSetup.stepsPerEpoch(rows: 120, batchSize: Int.max) == 1)
        #expect(TrainingSetup.stepsPerEpoch(rows: 120, batchSize: 32) == 4)
    }
}
