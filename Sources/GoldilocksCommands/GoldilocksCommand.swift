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

            Exit status: 0 on success; 64 for a usage error (an unknown or malformed option, a \
            value out of range; printed with the usage text); 65 for bad input data (a data set, \
            log, spec, curve or run.json that cannot be read or used; the message names the file); \
            130 when Ctrl-C (SIGINT) stopped `train` and 143 when SIGTERM did (the partial run's \
            summary is printed first; a second signal ends it at once); 1 for anything else, such \
            as an output that cannot be written or a log folder another run is using. Errors go \
            to standard error.

            Shell completion: `goldilocks --generate-completion-script bash` (or zsh, fish) prints \
            a completion script; for bash, `goldilocks --generate-completion-script bash > \
            ~/.local/share/bash-completion/completions/goldilocks`.
            """,
        version: GoldilocksVersion.current,
        subcommands: [
            DemoCommand.self, TrainCommand.self, BenchCommand.self,
            ScheduleCommand.self, TrajectoryCommand.self, ScaleCommand.self,
            SuggestCommand.self, FindCommand.self,
            DiagnoseCommand.self, CompareCommand.self,
            TuneCommand.self, StudyCommand.self, ServeCommand.self,
        ]
    )

    public init() {}
}
