import ArgumentParser
import Foundation
import GoldilocksData
import GoldilocksTraining
import GoldilocksTuning

struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Show a study's trials and its best, as a table, JSON or CSV; export the best trial's run.",
        discussion: """
            Reads any study `goldilocks tune` wrote, while it runs or after. Without --study, \
            lists the studies in the storage. --best-config writes the best trial's run as a \
            run.json, stopped after the epoch of its best validation loss, which `goldilocks \
            train --config` repeats: it ends at the trial's value.

            Examples:
              goldilocks study --study wine
              goldilocks study --study wine --format csv > wine.csv
              goldilocks study --study wine --best-config best.json && goldilocks train --config best.json
            """)

    @Option(help: "Where the study lives: sqlite:PATH or postgresql://user@host:port/database.")
    var storage = "sqlite:goldilocks.db"

    @Option(help: "The study to show; without it, the studies in the storage are listed.")
    var study: String?

    @Option(help: "text (a table), json or csv.")
    var format: StudyFormat = .text

    @Option(help: "Write the best trial's run, stopped at its best epoch, as a run.json here (for train --config).")
    var bestConfig: String?

    func run() throws {
        if let bestConfig { try checkWritable(bestConfig, option: "--best-config") }
        let storage = try openStudyStorage(url: self.storage)
        guard let study else {
            let names = try storage.studyNames()
            print(names.isEmpty ? "no studies in \(self.storage)" : names.joined(separator: "\n"))
            return
        }
        let (id, definition) = try storage.study(named: study)
        let report = StudyReport(study: study, trials: try storage.trials(ofStudy: id), attributes: try storage.studyAttributes(study: id))
        switch format {
        case .text: print(Self.describe(report))
        case .json: try printJSON(report)
        case .csv: print(report.csv(), terminator: "")
        }
        if let bestConfig {
            guard let best = report.best else { throw ValidationError("--best-config: study \(study) has no complete trial yet") }
            let rows = try PreparedData(definition.training).train.count
            let configuration = definition.configuration(
                for: best, stepsPerEpoch: TrainingSetup.stepsPerEpoch(rows: rows, batchSize: definition.training.batchSize))
            try writeAtomically(try jsonString(configuration) + "\n", to: bestConfig, option: "--best-config")
        }
    }

    /// A study as a table with its best and the steps it cost.
    static func describe(_ report: StudyReport) -> String {
        let names = lrFirst(Set(report.trials.flatMap(\.params.keys)))
        var rows = [["trial", "state"] + names + ["value", "epochs", "steps"]]
        for trial in report.trials {
            let params = names.map { trial.params[$0].map(shown) ?? "" }
            rows.append(
                ["\(trial.number)", trial.state.rawValue] + params
                    + [trial.value.map(formatted) ?? "", "\(trial.intermediateValues.count)", trial.steps.map(String.init) ?? ""])
        }
        var text = "Study \(report.study): \(report.trials.count) trial(s)\n" + table(rows)
        let counts = TrialState.allCases.compactMap { state -> String? in
            let n = report.trials.filter { $0.state == state }.count
            return n == 0 ? nil : "\(n) \(state.rawValue)"
        }
        text += "\n\(counts.joined(separator: ", ")); \(report.totalSteps) optimizer steps"
        if report.rangeTestSteps > 0 { text += " (range test \(report.rangeTestSteps))" }
        if let best = report.best {
            text += "\nBest: trial \(best.number), \(describe(best.params)), validation loss \(formatted(best.value))"
                + (best.epoch.map { " after epoch \($0)" } ?? "")
        } else {
            text += "\nNo complete trial yet."
        }
        return text
    }

    /// "lr 0.001, schedule one_cycle".
    static func describe(_ parameters: [String: ParameterValue]) -> String {
        lrFirst(parameters.keys).map { name in parameters[name].map { "\(name) \(shown($0))" } ?? name }.joined(separator: ", ")
    }

    /// Parameter names with the learning rate first, then the others by name.
    private static func lrFirst(_ names: some Sequence<String>) -> [String] {
        names.sorted { ($0 == "lr" ? "" : $0) < ($1 == "lr" ? "" : $1) }
    }

    /// A parameter's value for people: a number to four digits, or the choice.
    private static func shown(_ value: ParameterValue) -> String {
        switch value {
        case .float(let x): formatted(x)
        case .choice(let choice): choice
        }
    }
}

enum StudyFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}
