import ArgumentParser
@testable import GoldilocksCommands
import GoldilocksLandscapes
import GoldilocksTraining
import Testing
import TestSupport

@Suite struct TrajectoryCommandTests {
    private func command(_ arguments: [String]) throws -> TrajectoryCommand {
        let parsed = try GoldilocksCommand.parseAsRoot(["trajectory"] + arguments)
        return try #require(parsed as? TrajectoryCommand)
    }

    @Test func csvHasTheContractHeaderAndRowsForStepsZeroToN() throws {
        let trajectory = try command([
            "--function", "quadratic", "--start", "5,-1", "--optimizer", "{\"name\":\"SGD\",\"lr\":0.1}", "--steps", "3",
        ]).makeTrajectory()
        let lines = trajectory.csv().split(separator: "\n")
        #expect(lines.first == "step,loss,x0,x1")
        #expect(lines.count == 5)
        #expect(lines[1] == "0,26.0,5.0,-1.0")
        // Step 1: x ← 0.8·x, so (4, −0.8) and loss 16.64 (up to rounding).
        let row = lines[2].split(separator: ",").compactMap { Double($0) }
        expectClose(row, [1, 16.64, 4, -0.8], rtol: 1e-14)
    }

    @Test func aNegativeStartAndFriendlyOptimizerNamesParse() throws {
        let trajectory = try command([
            "--function", "rosenbrock", "--start", "-1.2,1", "--optimizer", "{\"name\":\"adam\",\"lr\":0.02}", "--steps", "10",
            "--format", "json",
        ]).makeTrajectory()
        #expect(trajectory.rows.count == 11)
        #expect(trajectory.rows[0].position == [-1.2, 1])
        #expect(trajectory.json().hasPrefix("{\"rows\":[{\"step\":0,\"loss\":24.19"))
        #expect(trajectory.json().hasSuffix(",\"diverged_at\":null}\n"))
    }

    @Test(arguments: [
        (["--function", "rosenbrok", "--start", "1,1", "--optimizer", "{\"name\":\"SGD\"}", "--steps", "1"], "did you mean \"rosenbrock\"?"),
        (["--function", "booth", "--start", "1,x", "--optimizer", "{\"name\":\"SGD\"}", "--steps", "1"], "--start must be finite numbers"),
        (["--function", "booth", "--start", "1,1", "--optimizer", "{\"name\":\"SGD\"}", "--steps", "-2"], "--steps must be 0 or more"),
    ])
    func badArgumentsAreRejectedWhileParsing(arguments: [String], message: String) {
        #expect {
            _ = try command(arguments)
        } throws: { error in
            GoldilocksCommand.message(for: error).contains(message)
        }
    }

    @Test(arguments: [
        (["--function", "beale", "--start", "1,1,1", "--optimizer", "{\"name\":\"SGD\"}", "--steps", "1"], "beale is a function of 2 coordinates"),
        (["--function", "booth", "--start", "1,1", "--optimizer", "{\"name\":\"SGD\",\"lr\":-1}", "--steps", "1"], "Invalid learning rate: -1.0"),
        (["--function", "booth", "--start", "1,1", "--optimizer", "{\"name\":\"Adamm\"}", "--steps", "1"], "did you mean \"Adam\"?"),
        (["--function", "booth", "--start", "1,1", "--optimizer", "{\"name\":\"SGD\"}", "--schedule", "{\"name\":\"StepLR\"}", "--steps", "1"],
         "StepLR needs \"step_size\""),
    ])
    func badSpecsAndDimensionsFailWithAMessage(arguments: [String], message: String) throws {
        let parsed = try command(arguments)
        #expect {
            _ = try parsed.makeTrajectory()
        } throws: { error in
            "\(error)".contains(message)
        }
    }
}
