import Foundation
import GoldilocksCommands

/// The `goldilocks` executable: the root command parses and runs, and the exit status follows
/// `ExitStatus` (64 usage, 65 bad input data, 1 otherwise, 130/143 after SIGINT/SIGTERM) rather
/// than ArgumentParser's default (64 or 1 only).
@main
enum Goldilocks {
    static func main() async {
        exit(await GoldilocksCommand.main(arguments: nil))
    }
}
