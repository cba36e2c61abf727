import ArgumentParser

struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schedule", abstract: "Not built yet.")

    func run() throws { throw NotBuiltYet(command: "schedule") }
}
