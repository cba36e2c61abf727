import ArgumentParser
import Foundation
import GoldilocksLogs
import GoldilocksTraining
import Testing

@testable import GoldilocksCommands

/// Parses and runs `arguments` as `goldilocks` does, and returns the exit status the error (if
/// any) maps to, with the text printed for it.
func exitStatus(_ arguments: [String]) async -> (status: Int32, text: String) {
    var parsed: (any ParsableCommand)?
    do {
        var command = try GoldilocksCommand.parseAsRoot(arguments)
        parsed = command
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
        return (0, "")
    } catch {
        #expect(GoldilocksCommand.exitStatus(for: error) == GoldilocksCommand.report(error, command: nil).status)
        return GoldilocksCommand.report(error, command: parsed.map { type(of: $0) })
    }
}

/// A fresh temporary folder for one test.
func temporaryFolder(_ name: String = #function) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("goldilocks-commands-tests")
        .appendingPathComponent(name.filter { $0.isLetter || $0.isNumber } + "-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite("exit statuses")
struct ExitStatusTests {
    @Test(arguments: [
        ["train", "--bogus"],  // a parse error
        ["train", "--data", "iris", "--batch-size", "0"],  // validate()
        ["train", "--data", "iris", "--model", "100000,100000"],  // RunLimits, before any allocation
        ["train", "--data", "iris", "--epochs", "4611686018427387904", "--lr", "auto"],
        ["find", "--data", "iris", "--num-it", "0"],
        ["bench", "mlp", "--batch-size", "9223372036854775807"],
        ["demo", "--epochs", "4611686018427387904"],  // found by scripts/fuzz-cli: it aborted allocating
        ["schedule", "--spec", #"{"name":"StepLR","lr":0.1,"step_size":3}"#, "--steps", "9223372036854775807", "--format", "svg"],
        ["tune", "--data", "iris", "--study", "s", "--trials", "2", "--percentile", "101"],
        ["tune", "--data", "iris", "--study", "s", "--trials", "2", "--percentile", "nan"],
    ])
    func usageErrorsAre64WithTheUsageText(arguments: [String]) async {
        let (status, text) = await exitStatus(arguments)
        #expect(status == 64)
        #expect(text.contains("Usage: goldilocks \(arguments[0])"), "\(text)")
    }

    @Test func aLimitOnlyTheDataRevealsIsAUsageErrorOfTrain() async {
        // 120 iris training rows: 4 batches an epoch, 20 million steps for 5 million epochs.
        let (status, text) = await exitStatus(["train", "--data", "iris", "--epochs", "5000000"])
        #expect(status == 64)
        #expect(text.contains("--epochs: a run takes at most 10,000,000 optimizer steps"))
        #expect(text.contains("Usage: goldilocks train"))
    }

    @Test(arguments: [
        ["diagnose", "/no/such/log.csv"],  // LogError
        ["train", "--data", "/no/such/data.csv"],  // DataError
        ["train", "--data", "iris", "--optimizer", #"{"name":"Adamm"}"#],  // SpecError
    ])
    func badInputDataIs65WithoutTheUsageText(arguments: [String]) async {
        let (status, text) = await exitStatus(arguments)
        #expect(status == 65)
        #expect(text.hasPrefix("Error: "))
        #expect(!text.contains("Usage:"))
    }

    @Test func anUnwritableOutputIs1AndShowsBeforeAnyWork() async throws {
        let logs = try temporaryFolder().appendingPathComponent("logs")
        let (status, text) = await exitStatus(["train", "--data", "iris", "--plot", "/no/such/folder/loss.svg", "--log-dir", logs.path])
        #expect(status == 1)
        #expect(text == "Error: --plot /no/such/folder/loss.svg: the folder /no/such/folder does not exist")
        // Checked before the log folder was even claimed, let alone the training.
        #expect(!FileManager.default.fileExists(atPath: logs.path))
    }

    @Test func aLogFolderInUseIs1EvenWithOverwrite() async throws {
        let folder = try temporaryFolder()
        let claim = try RunFolder(claiming: folder)
        let (status, text) = await exitStatus(["train", "--data", "iris", "--log-dir", folder.path, "--overwrite"])
        #expect(status == 1)
        #expect(text.contains("is writing to the log folder \(folder.path)"))
        #expect(!text.contains("Usage:"))
        claim.release()
    }

    @Test func aLogThatCannotBeWrittenIs1WithoutTheUsageText() {
        struct DiskFull: Error, CustomStringConvertible { var description: String { "runs/metrics.csv: write failed" } }
        let (status, text) = GoldilocksCommand.report(RunLogError(underlying: DiskFull()), command: TrainCommand.self)
        #expect(status == 1)
        #expect(text == "Error: could not write the run's log: runs/metrics.csv: write failed")
    }

    @Test func signalsMapTo128PlusTheSignal() {
        #expect(GoldilocksCommand.exitStatus(for: InterruptedError(signal: SIGINT, reason: "")) == 130)
        #expect(GoldilocksCommand.exitStatus(for: InterruptedError(signal: SIGTERM, reason: "")) == 143)
    }

    @Test func helpIsNotAnError() async {
        let (status, text) = await exitStatus(["--help"])
        #expect(status == 0)
        #expect(text.contains("Exit status: 0 on success; 64 for a usage error"))
    }
}

@Suite("version, help topics and negative numbers")
struct CommandLineTests {
    @Test func versionPrintsThePackagesVersion() {
        #expect(throws: (any Error).self) { try GoldilocksCommand.parseAsRoot(["--version"]) }
        #expect(GoldilocksCommand.configuration.version == GoldilocksVersion.current)
    }

    @Test func helpOnNoSuchCommandIsAUsageErrorNamingTheClosest() async {
        let (status, text) = await GoldilocksCommandRun.status(["help", "shedule"])
        #expect(status == ExitStatus.usage)
        #expect(text.contains("'shedule' is not a goldilocks command; did you mean 'schedule'?"), "\(text)")
        #expect(await GoldilocksCommandRun.status(["help", "nosuch"]).status == ExitStatus.usage)
        #expect(throws: Never.self) { try GoldilocksCommand.checkHelpTopic(["help", "schedule"]) }
        #expect(throws: Never.self) { try GoldilocksCommand.checkHelpTopic(["help"]) }
    }

    @Test func aNegativeLearningRateIsReadAndRefusedClearly() async {
        // Read as a number (not as a missing value), then refused as a learning rate.
        for arguments in [["scale", "--lr", "-0.01", "--batch-size", "2", "--new-batch-size", "4"], ["train", "--data", "iris", "--lr", "-0.01"]] {
            let (status, text) = await exitStatus(arguments)
            #expect(status == ExitStatus.usage)
            #expect(text.contains("--lr: a learning rate must be a positive number"), "\(text)")
            #expect(!text.contains("Missing value"))
        }
        #expect(throws: Never.self) { try GoldilocksCommand.parseAsRoot(["trajectory", "--function", "booth", "--start", "-1,2", "--optimizer", "sgd", "--steps", "2"]) }
    }

    @Test func aNegativeRateInAScheduleSpecIsASpecErrorNamingTheParameter() async {
        let (status, text) = await exitStatus(["schedule", "--spec", #"{"name":"StepLR","lr":-0.1,"step_size":3}"#, "--steps", "3"])
        #expect(status == ExitStatus.dataError)
        #expect(text.contains(#"StepLR: "lr" is a learning rate and must be a finite number ≥ 0, not -0.1"#), "\(text)")
        let optax = await exitStatus(["schedule", "--spec", #"{"name":"warmup_cosine_decay_schedule","init_value":0,"peak_value":-1e-3,"warmup_steps":2,"decay_steps":8}"#, "--steps", "3"])
        #expect(optax.text.contains(#""peak_value" is a learning rate"#), "\(optax.text)")
    }

    @Test func aCurveNoRuleCanReadIsADataErrorWithoutTheUsage() async throws {
        let curve = try temporaryFolder().appendingPathComponent("two.csv")
        try Data("lr,loss\n0.001,1\n0.002,1.1\n".utf8).write(to: curve)
        let (status, text) = await exitStatus(["suggest", curve.path])
        #expect(status == ExitStatus.dataError)
        #expect(text.contains("no rule can suggest from \(curve.path)"), "\(text)")
        #expect(!text.contains("Usage:"))
    }

    @Test func completionIsDocumentedInTheRootHelp() {
        #expect(GoldilocksCommand.helpMessage().contains("goldilocks --generate-completion-script bash"))
    }
}

/// Runs `goldilocks` as the executable does (help topics checked first).
enum GoldilocksCommandRun {
    static func status(_ arguments: [String]) async -> (status: Int32, text: String) {
        do {
            try GoldilocksCommand.checkHelpTopic(arguments)
        } catch {
            return GoldilocksCommand.report(error, command: nil)
        }
        return await exitStatus(arguments)
    }
}
