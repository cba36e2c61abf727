import ArgumentParser
import GoldilocksLandscapes
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
        _ = try landscapeFunction()
        guard steps >= 0 else { throw ValidationError("--steps must be 0 or more, not \(steps)") }
        if format == .svg, steps > Self.chartStepLimit {
            throw ValidationError(
                "--steps \(steps) is too many for a chart (at most \(Self.chartStepLimit)); use --format csv or json, which stream any count")
        }
        _ = try startPoint()
    }

    /// The most steps the `svg` chart holds; `csv` and `json` stream any count.
    static let chartStepLimit = 1_000_000

    func run() throws {
        let divergedAt: Int?
        switch format {
        case .csv, .json:
            var output = StandardOutput()
            let setup = try makeSetup()
            var first = true
            output.write(format == .csv ? Trajectory.csvHeader(dimension: setup.start.count) + "\n" : "{\"rows\":[")
            divergedAt = try Trajectory.walk(
                landscape: setup.landscape, start: setup.start, optimizer: setup.optimizer, schedule: setup.schedule, steps: steps
            ) { row in
                if format == .csv {
                    output.write(Trajectory.csvLine(row) + "\n")
                } else {
                    output.write((first ? "" : ",") + Trajectory.jsonObject(row))
                    first = false
                }
            }
            if format == .json { output.write("],\"diverged_at\":\(divergedAt.map(String.init) ?? "null")}\n") }
            output.flush()
        case .svg:
            let setup = try makeSetup()
            let trajectory = try Trajectory(
                landscape: setup.landscape, start: setup.start, optimizer: setup.optimizer, schedule: setup.schedule, steps: steps)
            print(trajectoryFigure(trajectory, on: setup.landscape, name: function).svg())
            divergedAt = trajectory.divergedAt
        }
        if let step = divergedAt {
            FileHandle.standardError.write(Data("diverged at step \(step): the loss or the point is no longer finite; try a smaller learning rate\n".utf8))
        }
    }

    /// Parses the arguments and runs the trajectory they describe, keeping every row.
    func makeTrajectory() throws -> Trajectory {
        let setup = try makeSetup()
        return try Trajectory(
            landscape: setup.landscape, start: setup.start, optimizer: setup.optimizer, schedule: setup.schedule, steps: steps)
    }

    /// The function named by `--function`, or a usage error naming the valid ones.
    private func landscapeFunction() throws(ValidationError) -> LandscapeFunction {
        guard let name = LandscapeFunction(rawValue: function) else {
            let valid = LandscapeFunction.allCases.map(\.rawValue)
            let unknown = SpecError.unknownName(
                kind: "function", name: function, owner: nil, valid: valid, closest: closestMatch(to: function, in: valid))
            throw ValidationError(unknown.description)
        }
        return name
    }

    /// The landscape, start, optimizer and schedule the arguments describe.
    private func makeSetup() throws -> (
        landscape: any Landscape, start: [Double], optimizer: any Optimizer<Double>, schedule: (any LearningRateSchedule)?
    ) {
        let point = try startPoint()
        let landscape = try landscapeFunction().landscape(dimension: point.count)
        let optimizer: any Optimizer<Double> = try makeOptimizer(try readOptimizerSpec(optimizer), parameterCount: point.count)
        let learningRates = try schedule.map { try makeSchedule(try readSpec($0), learningRate: optimizer.learningRates[0]) }
        return (landscape, point, optimizer, learningRates)
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
