import ArgumentParser
import Foundation
import GoldilocksSchedules
import Testing

@testable import GoldilocksCommands

@Suite struct ScaleCommandTests {
    private func render(_ arguments: [String]) throws -> String {
        let command = try #require(try GoldilocksCommand.parseAsRoot(["scale"] + arguments) as? ScaleCommand)
        return try command.render()
    }

    @Test func linearRuleScalesWithTheBatchSize() throws {
        let output = try render(["--lr", "0.1", "--batch-size", "256", "--new-batch-size", "1024"])
        #expect(output.hasPrefix("0.4\nlinear scaling rule (Goyal et al. 2017)"))
    }

    @Test func sqrtRuleScalesWithItsSquareRoot() throws {
        let output = try render(["--lr", "0.001", "--batch-size", "32", "--new-batch-size", "128", "--rule", "sqrt", "--format", "json"])
        #expect(output.hasPrefix(#"{"lr":0.002,"rule":"sqrt""#))
    }

    @Test(arguments: [0.0, -0.1])
    func aLearningRateAtOrBelowZeroIsAUsageError(lr: Double) {
        // Read as a number, also written as `--lr -0.1`, then refused before anything runs.
        #expect(throws: (any Error).self) { try GoldilocksCommand.parseAsRoot(["scale", "--lr", "\(lr)", "--batch-size", "2", "--new-batch-size", "4"]) }
    }

    @Test(arguments: [(0.1, 0, 64), (0.1, 32, -8)])
    func nonPositiveInputsAreErrors(lr: Double, batchSize: Int, newBatchSize: Int) {
        #expect(throws: SpecError.self) {
            try render(["--lr=\(lr)", "--batch-size=\(batchSize)", "--new-batch-size=\(newBatchSize)"])
        }
    }

    @Test func anUnknownRuleIsRejectedWhileParsing() {
        #expect(throws: (any Error).self) {
            try GoldilocksCommand.parseAsRoot(["scale", "--lr", "0.1", "--batch-size", "1", "--new-batch-size", "2", "--rule", "cubic"])
        }
    }
}
