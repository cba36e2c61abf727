import ArgumentParser
import Foundation
import GoldilocksDashboard
import GoldilocksTuning
import Hummingbird

/// `goldilocks serve`: the web dashboard (playground, runs, studies, schedules) on a local port.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Start the web dashboard: the learning-rate playground, your runs, studies and schedules.",
        discussion: """
            Prints the address to open, then serves until Ctrl-C. It listens on 127.0.0.1 only, \
            unless --host names another address; then --token is required, and every request must \
            carry it (open the printed address once: it sets a cookie).

            Examples:
              goldilocks serve
              goldilocks serve --logdir runs --port 8090
              goldilocks serve --host 0.0.0.0 --token "$(openssl rand -hex 16)"
            """)

    @Option(help: "The address to listen on (other machines can reach anything but 127.0.0.1, which then needs --token).")
    var host: String = "127.0.0.1"

    @Option(parsing: .unconditional, help: "The port (0 picks a free one; the printed address says which).")
    var port: Int = 8080

    @Option(help: "A folder of runs to show: `train --log-dir` folders, TensorBoard folders, CSV or JSON-lines logs.")
    var logdir: String?

    @Option(help: "A study storage URL (sqlite:PATH or postgresql://…) for the studies view.")
    var storage: String?

    @Option(help: "A JSON file of studies as `goldilocks study --format json` prints them (one study or a list), for the studies view.")
    var studies: String?

    @Option(help: "A secret of 16 to 256 letters, digits and - . _ ~ that every request must carry.")
    var token: String?

    func validate() throws {
        if storage != nil && studies != nil { throw ValidationError("give --storage or --studies, not both") }
        do {
            try dashboardConfiguration().validate()
        } catch {
            throw ValidationError(error.description)
        }
    }

    func dashboardConfiguration() -> DashboardConfiguration {
        DashboardConfiguration(host: host, port: port, logDirectory: logdir, token: token)
    }

    func run() async throws {
        var browser: (any StudyBrowser)?
        if let storage {
            browser = StorageStudyBrowser(storage: try openStudyStorage(url: storage))
        } else if let studies {
            do {
                browser = try InMemoryStudyBrowser(json: Data(contentsOf: URL(fileURLWithPath: studies)))
            } catch {
                throw ValidationError("--studies \(studies): cannot read it as studies (\(error))")
            }
        }
        let app = try Dashboard.application(dashboardConfiguration(), studies: browser) { address in
            // Written at once, not buffered: scripts wait for this line to learn the port.
            FileHandle.standardOutput.write(Data("Goldilocks dashboard at \(address)  (Ctrl-C stops it)\n".utf8))
        }
        try await app.runService()
    }
}
