import ArgumentParser

struct FindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "find", abstract: "Not built yet.")

    func run() throws { throw NotBuiltYet(command: "find") }
}
