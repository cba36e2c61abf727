import ArgumentParser

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compare", abstract: "Not built yet.")

    func run() throws { throw NotBuiltYet(command: "compare") }
}
