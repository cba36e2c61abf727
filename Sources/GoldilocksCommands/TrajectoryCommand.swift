import ArgumentParser

struct TrajectoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "trajectory", abstract: "Not built yet.")

    func run() throws { throw NotBuiltYet(command: "trajectory") }
}
