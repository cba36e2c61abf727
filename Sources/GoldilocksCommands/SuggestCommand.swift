import ArgumentParser

struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "suggest", abstract: "Not built yet.")

    func run() throws { throw NotBuiltYet(command: "suggest") }
}
