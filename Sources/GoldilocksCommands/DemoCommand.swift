import ArgumentParser

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Not built yet.")

    func run() throws { throw NotBuiltYet(command: "demo") }
}
