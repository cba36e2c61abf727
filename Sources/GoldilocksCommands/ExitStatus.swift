import ArgumentParser
import Foundation
import GoldilocksTuning
import GoldilocksSearch
import GoldilocksLandscapes
import GoldilocksData
import GoldilocksDiagnosis
import GoldilocksFinder
import GoldilocksLogs
import GoldilocksNetworks
import GoldilocksOptimizers
import GoldilocksSpec
import GoldilocksTraining

/// How `goldilocks` ends: one table for every command, so a script can tell a mistyped option
/// from a bad file from an interrupted run. The codes follow BSD's sysexits.h and the shells'
/// 128 + signal convention.
public enum ExitStatus {
    /// The command did what it was asked.
    public static let success: Int32 = 0
    /// Anything else: an output that cannot be written, a log folder in use, a bug.
    public static let failure: Int32 = 1
    /// A usage error (EX_USAGE): an unknown or malformed option, a value out of range or beyond
    /// `RunLimits`. The message comes with the usage text.
    public static let usage: Int32 = 64
    /// Bad input data (EX_DATAERR): a data set, log, spec, curve or `run.json` that cannot be
    /// read or used. The message names the file and what is wrong, without the usage text.
    public static let dataError: Int32 = 65
    /// `train` stopped by Ctrl-C (SIGINT), after printing the partial run's summary.
    public static let interrupted: Int32 = 128 + SIGINT
    /// `train` stopped by SIGTERM, after printing the partial run's summary.
    public static let terminated: Int32 = 128 + SIGTERM

    /// The one list of error types that mean "the input is bad" (exit 65). Every library's
    /// input error is here; a new one must be added here too.
    static func isDataError(_ error: any Error) -> Bool {
        switch error {
        case is DataError, is LogError, is SpecError, is CurveError, is RangeTestError, is SuggestionError,
            is DiagnosisError, is FinderError, is TrajectoryError, is ConfigurationError, is TrainingError, is NetworkError,
            is OptimizerError, is NoSuggestion, TuningError.noValidation:
            return true
        // A study storage that is not one, a study that is not there or not ours, a study of
        // other settings: the input is wrong. An unreachable database or its own error is not.
        case StudyStorageError.badURL, StudyStorageError.unsupportedSchema, StudyStorageError.definitionDiffers,
            StudyStorageError.noSuchStudy, StudyStorageError.notAGoldilocksStudy:
            return true
        default:
            return false
        }
    }
}

/// A run stopped by a signal; its summary has been printed. The exit status is 128 + the signal.
struct InterruptedError: Error, CustomStringConvertible {
    /// SIGINT or SIGTERM.
    let signal: Int32
    /// "interrupted at step N of M".
    let reason: String

    var description: String { "\(signal == SIGTERM ? "terminated (SIGTERM)" : "interrupted (Ctrl-C)"): \(reason)" }
}

extension GoldilocksCommand {
    /// Parses `arguments` (the process's when nil), runs the command and returns the exit
    /// status, printing any error to standard error: with the usage text for a usage error,
    /// alone otherwise (see `ExitStatus`). Help and `--version` print to standard output.
    public static func main(arguments: [String]?) async -> Int32 {
        var parsed: (any ParsableCommand)?
        do {
            try checkHelpTopic(arguments ?? Array(CommandLine.arguments.dropFirst()))
            var command = try parseAsRoot(arguments)
            parsed = command
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return ExitStatus.success
        } catch {
            let (status, text) = report(error, command: parsed.map { type(of: $0) })
            if !text.isEmpty {
                if status == ExitStatus.success {
                    print(text)
                } else {
                    FileHandle.standardError.write(Data((text + "\n").utf8))
                }
            }
            return status
        }
    }

    /// Refuses `goldilocks help NAME` for a NAME that is no subcommand, which ArgumentParser
    /// answers with the overview and exit 0: a script asking for help on a mistyped command
    /// should hear about the mistake.
    static func checkHelpTopic(_ arguments: [String]) throws {
        guard arguments.first == "help" else { return }
        var path = [Self.configuration.commandName ?? "goldilocks"]
        var children = Self.configuration.subcommands
        for word in arguments.dropFirst() where !word.hasPrefix("-") {
            var names: [String] = []
            var next: [any ParsableCommand.Type]?
            for child in children {
                let configuration = child.configuration
                let name = configuration.commandName ?? ""
                names.append(name)
                if name == word { next = configuration.subcommands }
            }
            guard let next else {
                let path = path.joined(separator: " ")
                var message = names.isEmpty
                    ? "'\(path)' has no subcommands, so there is no help on '\(word)'"
                    : "'\(word)' is not a \(path) command"
                if let closest = closestMatch(to: word, in: names) { message += "; did you mean '\(closest)'?" }
                if !names.isEmpty { message += ". Commands: \(names.joined(separator: ", "))." }
                throw ValidationError(message)
            }
            path.append(word)
            children = next
        }
    }

    /// The exit status for an error thrown while parsing or running a command.
    public static func exitStatus(for error: any Error) -> Int32 {
        report(error, command: nil).status
    }

    /// The exit status and the text to print for `error`; `command` is the subcommand that ran,
    /// nil when parsing failed (ArgumentParser then knows the command itself).
    static func report(_ error: any Error, command: (any ParsableCommand.Type)?) -> (status: Int32, text: String) {
        if let interrupted = error as? InterruptedError {
            return (128 + interrupted.signal, "goldilocks: \(interrupted)")
        }
        if ExitStatus.isDataError(error) {
            return (ExitStatus.dataError, "Error: \(error)")
        }
        if let limit = error as? RunLimitError {
            return report(ValidationError(limit.description), command: command)
        }
        // A usage error found while running (not while parsing): the usage of the command that
        // ran, not the root's "goldilocks <subcommand>".
        if let validation = error as? ValidationError, let command, command != Self.self {
            let name = ([Self.configuration.commandName] + commandPath(to: command)).compactMap { $0 }.joined(separator: " ")
            return (
                ExitStatus.usage,
                "Error: \(validation.message)\nUsage: \(usageString(for: command))\n  See '\(name) --help' for more information."
            )
        }
        // Parse errors, help requests, other errors: ArgumentParser's message and code (64 with
        // the usage text for parse and validation errors, 0 for help, 1 otherwise).
        let code = exitCode(for: error).rawValue
        let text = code == ExitStatus.usage ? fullMessage(for: error) : code == 0 ? fullMessage(for: error) : message(for: error)
        return (code, code == 0 || code == ExitStatus.usage || text.isEmpty ? text : "Error: \(text)")
    }

    /// The command names from the root's subcommands down to `command` (e.g. ["bench", "mlp"]).
    private static func commandPath(to command: any ParsableCommand.Type) -> [String?] {
        func search(_ node: any ParsableCommand.Type, _ path: [String?]) -> [String?]? {
            for child in node.configuration.subcommands {
                let next = path + [child.configuration.commandName]
                if child == command { return next }
                if let found = search(child, next) { return found }
            }
            return nil
        }
        return search(Self.self, []) ?? []
    }
}
