import ArgumentParser

struct DiagnoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "diagnose", abstract: "Not built yet.")

    func run() throws { throw NotBuiltYet(command: "diagnose") }
}
