import ArgumentParser
import GoldilocksPlots
import Foundation
import GoldilocksOptimizers
import GoldilocksSchedules
import GoldilocksSpec
import GoldilocksTraining

/// `goldilocks trajectory`: an optimizer's path on an analytic function, step by step.
struct TrajectoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trajectory",
        abstract: "Run an optimizer on an analytic function (x², Rosenbrock, …) and print its path.",
        discussion: """
            Prints the start (step 0) and the point after each of N steps, in Double, with the \
            optimizer's exact PyTorch update rule. A run that overflows stops at the last finite \
            step and says so on stderr.

            Examples:
              goldilocks trajectory --function quadratic --start 5 --optimizer '{"name":"SGD","lr":0.1}' --steps 20
              goldilocks trajectory --function rosenbrock --start -1.2,1 --optimizer '{"name":"Adam","lr":0.02}' --steps 500 --format json
            """
    )

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json, svg
    }

    @Option(help: "The function: \(LandscapeFunction.allCases.map(\.rawValue).joined(separator: ", ")). quadratic is Σxᵢ² in any dimension; the others take 2 coordinates (rosenbrock: a=1, b=100).")
    var function: String

    @Option(parsing: .unconditional, help: "The start point, comma-separated (-1.2,1); its length is the dimension.")
    var start: String

    @Option(help: "The optimizer spec, inline JSON or a .json file: {\"name\":\"Adam\",\"lr\":0.01} (PyTorch names; sgd, adam, adamw, rmsprop, adagrad).")
    var optimizer: String

    @Option(help: "A learning-rate schedule spec (inline JSON or a .json file) that sets the lr before each step.")
    var schedule: String?

    @Option(parsing: .unconditional, help: "The number of optimizer steps (0 or more).")
    var steps: Int

    @Option(help: "csv (step,loss,x0,x1,…), json, or svg (the path over the function's contour lines; the loss curve beyond 2-D).")
    var format: Format = .csv

    func validate() throws {
        guard LandscapeFunction(rawValue: function) != nil else {
            throw ValidationError(SpecError.unknown("function", function, valid: LandscapeFunction.allCases.map(\.rawValue)).description)
        }
        guard steps >= 0 else { throw ValidationError("--steps must be 0 or more, not \(steps)") }
        _ = try startPoint()
    }

    func run() throws {
        let trajectory = try makeTrajectory()
        switch format {
        case .csv: print(trajectory.csv(), terminator: "")
        case .json: print(trajectory.json(), terminator: "")
        case .svg:
            let landscape = try LandscapeFunction(rawValue: function)!.landscape(dimension: try startPoint().count)  // checked in validate()
            print(trajectoryFigure(trajectory, on: landscape, name: function).svg())
        }
        if let step = trajectory.divergedAt {
            FileHandle.standardError.write(Data("diverged at step \(step): the loss or the point is no longer finite; try a smaller learning rate\n".utf8))
        }
    }

    /// Parses the arguments and runs the trajectory they describe.
    func makeTrajectory() throws -> Trajectory {
        let point = try startPoint()
        guard let name = LandscapeFunction(rawValue: function) else {
            throw ValidationError(SpecError.unknown("function", function, valid: LandscapeFunction.allCases.map(\.rawValue)).description)
        }
        let landscape = try name.landscape(dimension: point.count)
        let optimizer: any Optimizer<Double> = try makeOptimizer(try readOptimizerSpec(optimizer), parameterCount: point.count)
        let learningRates = try schedule.map { try makeSchedule(try readSpec($0), learningRate: optimizer.learningRates[0]) }
        return try Trajectory(landscape: landscape, start: point, optimizer: optimizer, schedule: learningRates, steps: steps)
    }

    private func startPoint() throws -> [Double] {
        let fields = start.split(separator: ",", omittingEmptySubsequences: false)
        var point: [Double] = []
        for field in fields {
            guard let value = Double(field.trimmingCharacters(in: .whitespaces)), value.isFinite else {
                throw ValidationError("--start must be finite numbers separated by commas, such as -1.2,1; \"\(field)\" is not one")
            }
            point.append(value)
        }
        return point
    }
}
