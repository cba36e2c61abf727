import ArgumentParser

struct ScaleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scale", abstract: "Not built yet.")

    func run() throws { throw NotBuiltYet(command: "scale") }
}
