import Foundation
import GoldilocksSpec
import Testing

@testable import GoldilocksTuning

/// The two halves of scripts/check-optuna, which runs them with real Optuna in between:
/// a study Goldilocks writes for Optuna to load, and a study Optuna wrote for Goldilocks to read.
@Suite struct OptunaInteropTests {
    static let environment = ProcessInfo.processInfo.environment

    /// Writes a study into GOLDILOCKS_EXPORT_STUDY (a storage URL), and what it holds, as
    /// scripts/check_optuna.py expects Optuna to read it, into GOLDILOCKS_EXPORT_EXPECTED.
    @Test(.enabled(if: environment["GOLDILOCKS_EXPORT_STUDY"] != nil, "run by scripts/check-optuna"))
    func exportsAStudyForTheOptunaCheck() throws {
        let url = try #require(Self.environment["GOLDILOCKS_EXPORT_STUDY"])
        let expectedPath = try #require(Self.environment["GOLDILOCKS_EXPORT_EXPECTED"])
        let storage = try openStudyStorage(url: url)
        let space = SearchSpace(learningRate: 1e-5...1, schedules: [.constant, .oneCycle, .warmupCosine], weightDecay: 1e-6...1e-2)
        let name = uniqueStudyName("goldilocks-export")
        let study = try storage.openStudy(definition(name, trials: 5, space: space))
        try storage.setStudyAttribute(study: study, key: "range_test", value: .object(["lr": .number(0.003), "steps": .number(100)]))
        let schedules = ["constant", "one_cycle", "warmup_cosine"]
        let sample: ([TrialRecord], Int) -> [String: ParameterValue] = { _, number in
            ["lr": .float(pow(10, -4 + Double(number) / 2)), "schedule": .choice(schedules[number % 3]),
             "weight_decay": .float(1e-4 * Double(number + 1))]
        }
        // 0: complete; 1: its worker dies (failed, retried as 5); 2: pruned after a NaN;
        // 3: complete at +inf (diverged); 4: complete, the best; 5: the retry of 1, complete.
        let plan: [(values: [Double], state: TrialState, value: Double?)] = [
            ([0.9, 0.6, 0.5], .complete, 0.5), ([0.8], .running, nil), ([0.7, .nan], .pruned, nil),
            ([.infinity], .complete, .infinity), ([0.6, 0.3, 0.2], .complete, 0.2), ([0.7, 0.4, 0.35], .complete, 0.35),
        ]
        for (index, step) in plan.enumerated() {
            let staleAfter = index == 5 ? 0.5 : 60
            if index == 5 { Thread.sleep(forTimeInterval: 0.8) }
            let trial = try #require(try storage.claimTrial(inStudy: study, budget: 5, staleAfter: staleAfter, sample: sample))
            for (epoch, value) in step.values.enumerated() { try storage.report(trial: trial.id, step: epoch + 1, value: value) }
            try storage.setAttribute(trial: trial.id, key: "steps", value: .number(Double(30 * step.values.count)))
            try storage.setAttribute(trial: trial.id, key: "log_dir", value: .string("runs/\(name)/\(trial.number)"))
            if step.state != .running { try storage.finish(trial: trial.id, state: step.state, value: step.value) }
        }
        #expect(try storage.claimTrial(inStudy: study, budget: 5, staleAfter: 60, sample: sample) == nil)
        let trials = try storage.trials(ofStudy: study)
        #expect(trials.map(\.state) == [.complete, .failed, .pruned, .complete, .complete, .complete])

        func number(_ x: Double) -> JSONValue { x.isNaN ? .string("nan") : x.isInfinite ? .string(x > 0 ? "inf" : "-inf") : .number(x) }
        let expected: JSONValue = .object([
            "study": .string(name),
            "best": .object(["number": .number(4), "value": .number(0.2)]),
            "user_attrs": .object(["range_test": .object(["lr": .number(0.003), "steps": .number(100)])]),
            "trials": .array(trials.map { trial in
                var params: [String: JSONValue] = [:]
                for (key, value) in trial.parameters {
                    params[key] = value.floatValue.map(JSONValue.number) ?? .string(value.choiceValue ?? "")
                }
                return .object([
                    "number": .number(Double(trial.number)), "state": .string(trial.state.optunaName),
                    "params": .object(params),
                    "distributions": .object(Dictionary(uniqueKeysWithValues: space.parameters.map { ($0.name, $0.distribution.optunaJSON) })),
                    "intermediate_values": .object(Dictionary(uniqueKeysWithValues: trial.intermediateValues.map { (String($0.key), number($0.value)) })),
                    "value": trial.value.map(number) ?? .null,
                    "user_attrs": .object(trial.attributes),
                ])
            }),
        ])
        let text = PythonJSON.serialize(expected, integersAsInts: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: expectedPath))
    }

    /// Reads the study scripts/check_optuna.py had Optuna write into GOLDILOCKS_OPTUNA_STUDY and
    /// compares it with what Optuna says it holds (GOLDILOCKS_OPTUNA_EXPECTED); leaves a
    /// `.checked` file beside it, so the script knows the comparison ran.
    @Test(.enabled(if: environment["GOLDILOCKS_OPTUNA_STUDY"] != nil, "run by scripts/check-optuna"))
    func readsAStudyOptunaWrote() throws {
        let url = try #require(Self.environment["GOLDILOCKS_OPTUNA_STUDY"])
        let expectedPath = try #require(Self.environment["GOLDILOCKS_OPTUNA_EXPECTED"])
        let expectedText = try String(contentsOfFile: expectedPath, encoding: .utf8)
        guard case .object(let expected)? = PythonJSON.parse(expectedText), case .string(let name)? = expected["study"],
            case .array(let expectedTrials)? = expected["trials"]
        else {
            Issue.record("\(expectedPath) is not the expected study")
            return
        }
        let storage = try openStudyStorage(url: url)
        let id = try #require(try rawRows(storage, "SELECT study_id FROM studies WHERE study_name = ?", [.text(name)]).first?.first?.int)
        #expect(throws: StudyStorageError.notAGoldilocksStudy(name)) { _ = try storage.study(named: name) }
        let trials = try storage.trials(ofStudy: id)
        #expect(trials.count == expectedTrials.count)
        func same(_ x: Double?, _ json: JSONValue?) -> Bool {
            switch json {
            case .number(let y)?: x == y
            case .string("nan")?: x?.isNaN == true
            case .string("inf")?: x == .infinity
            case .string("-inf")?: x == -.infinity
            case .null?, nil: x == nil
            default: false
            }
        }
        for (trial, want) in zip(trials, expectedTrials) {
            guard case .object(let fields) = want else { continue }
            #expect(fields["number"] == .number(Double(trial.number)))
            #expect(fields["state"] == .string(trial.state.optunaName), "trial \(trial.number)")
            #expect(same(trial.value, fields["value"]), "trial \(trial.number) value \(String(describing: trial.value))")
            if case .object(let params)? = fields["params"] {
                for (key, value) in params {
                    let ours = trial.parameters[key]
                    let matches = if case .string(let choice) = value { ours == .choice(choice) } else { ours == .float(value.number ?? .nan) }
                    #expect(matches, "trial \(trial.number) param \(key): \(String(describing: ours)) vs \(value)")
                }
                #expect(trial.parameters.count == params.count)
            }
            if case .object(let steps)? = fields["intermediate_values"] {
                #expect(trial.intermediateValues.count == steps.count)
                for (step, value) in steps {
                    #expect(same(Int(step).flatMap { trial.intermediateValues[$0] }, value), "trial \(trial.number) step \(step)")
                }
            }
            if case .object(let attributes)? = fields["user_attrs"] { #expect(trial.attributes == attributes) }
        }
        try Data("\(trials.count) trials compared\n".utf8).write(to: URL(fileURLWithPath: expectedPath + ".checked"))
    }
}

extension JSONValue {
    fileprivate var number: Double? { if case .number(let x) = self { x } else { nil } }
}
