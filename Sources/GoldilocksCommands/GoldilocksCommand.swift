import ArgumentParser

/// The `goldilocks` root command: see, find, schedule, diagnose and guard the learning rate.
@available(macOS 10.15, *)  // lets the async `main()` be chosen; no effect on Linux
public struct GoldilocksCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "goldilocks",
        abstract: "See, find, schedule, diagnose and guard the learning rate of a neural network.",
        discussion: """
            Start with `goldilocks demo` to see what a learning rate that is too small, too large \
            and just right does, then `goldilocks train --data digits` to train a real network.
            """,
        subcommands: [
            DemoCommand.self, TrainCommand.self, BenchCommand.self,
            ScheduleCommand.self, TrajectoryCommand.self, ScaleCommand.self,
            SuggestCommand.self, FindCommand.self,
            DiagnoseCommand.self, CompareCommand.self,
        ]
    )

    public init() {}
}
