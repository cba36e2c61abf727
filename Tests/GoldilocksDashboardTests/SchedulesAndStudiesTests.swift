import Foundation
import GoldilocksDashboard
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The schedules and studies views")
struct SchedulesAndStudiesTests {
    @Test("a spec in each dialect gives the schedule command's numbers")
    func schedules() async throws {
        try await withDashboard { client in
            let spec = #"{\"name\":\"get_cosine_schedule_with_warmup\",\"lr\":6e-4,\"num_warmup_steps\":2,\"num_training_steps\":8}"#
            try await client.execute(uri: "/api/schedule", method: .post, body: json(#"{"spec":"\#(spec)","steps":8}"#)) { response in
                #expect(response.status == .ok)
                // The README's `schedule` example: 0, 0.0003, 0.0006, … and the last row 4.019…e-05.
                let first = response.object["first"] as? [[String: Any]] ?? []
                #expect(first.compactMap { $0["lr"] as? Double } == [0, 0.0003, 0.0006, 0.0005598076211353316, 0.00045])
                #expect((response.object["last"] as? [String: Any])?["lr"] as? Double == 4.019237886466838e-05)
                #expect(response.object["maximum"] as? Double == 0.0006)
            }
            let optax = #"{\"name\":\"warmup_cosine_decay_schedule\",\"init_value\":0,\"peak_value\":1e-3,\"warmup_steps\":10,\"decay_steps\":100}"#
            try await client.execute(uri: "/api/schedule", method: .post, body: json(#"{"spec":"\#(optax)","steps":100}"#)) {
                #expect($0.status == .ok)
            }
        }
    }

    @Test("a misspelt parameter, a bad spec and too many steps are 400s that say what to change")
    func scheduleErrors() async throws {
        try await withDashboard { client in
            let cases = [
                (#"{"spec":"{\"name\":\"StepLR\",\"lr\":0.1,\"step_sise\":30}","steps":10}"#, "step_size"),
                (#"{"spec":"not json","steps":10}"#, "JSON"),
                (#"{"spec":"{\"name\":\"StepLR\",\"lr\":0.1,\"step_size\":3}","steps":1000001}"#, "at most 1000000"),
            ]
            for (body, message) in cases {
                try await client.execute(uri: "/api/schedule", method: .post, body: json(body)) { response in
                    #expect(response.status == .badRequest)
                    #expect(response.errorMessage.contains(message), "\(response.errorMessage)")
                }
            }
        }
    }

    static let trials = [
        StudyTrial(number: 0, state: .complete, params: ["lr": 1e-3], value: 0.3, intermediateValues: [.init(step: 0, value: 1), .init(step: 1, value: 0.3)]),
        StudyTrial(number: 1, state: .pruned, params: ["lr": 1], value: 2, intermediateValues: [.init(step: 0, value: 2)]),
        StudyTrial(number: 2, state: .complete, params: ["lr": 1e-2], value: 0.2, intermediateValues: [.init(step: 0, value: 0.9), .init(step: 1, value: 0.2)]),
        StudyTrial(number: 3, state: .running, params: ["lr": 3e-2], value: nil),
    ]

    @Test("a study shows its history, lr against value on log axes, and pruned trials grey")
    func study() async throws {
        let browser = InMemoryStudyBrowser(studies: ["lr": Self.trials])
        try await withDashboard(studies: browser) { client in
            try await client.execute(uri: "/api/studies", method: .get) { response in
                #expect(response.object["available"] as? Bool == true)
                #expect(response.object["studies"] as? [String] == ["lr"])
            }
            try await client.execute(uri: "/api/studies/view?study=lr", method: .get) { response in
                #expect(response.status == .ok)
                #expect((response.object["best"] as? [String: Any])?["number"] as? Int == 2)
                let rates = response.object["lr"] as? [String: Any] ?? [:]
                #expect((rates["x"] as? [String: Any])?["scale"] as? String == "log")
                #expect((rates["y"] as? [String: Any])?["scale"] as? String == "log")
                let intermediate = ((response.object["intermediate"] as? [String: Any])?["svg"] as? String) ?? ""
                #expect(intermediate.contains("#b0b0b0"))
                let history = ((response.object["history"] as? [String: Any])?["svg"] as? String) ?? ""
                #expect(history.contains("best so far"))
            }
            try await client.execute(uri: "/api/studies/view?study=nope", method: .get) { #expect($0.status == .notFound) }
        }
    }

    @Test("without a studies source the view says how to get one")
    func noStudies() async throws {
        try await withDashboard { client in
            try await client.execute(uri: "/api/studies", method: .get) { response in
                #expect(response.object["available"] as? Bool == false)
                #expect((response.object["message"] as? String)?.contains("--storage") == true)
            }
        }
    }

    @Test("studies read as `study --format json` prints them, categorical parameters skipped")
    func studyFile() async throws {
        let text = #"{"study":"s","trials":[{"number":0,"state":"complete","params":{"lr":0.01,"schedule":"cosine"},"value":0.5,"steps":3}]}"#
        let browser = try InMemoryStudyBrowser(json: Data(text.utf8))
        let trials = try await browser.trials(of: "s")
        #expect(trials == [StudyTrial(number: 0, state: .complete, params: ["lr": 0.01], value: 0.5)])
        // Fixtures/study.json is made up, for this test and the browser check: 24 trials whose value
        // is a bowl in log10(lr) around 3e-3 plus noise, every fourth after the fifth pruned at step 2.
        let fixture = try #require(Bundle.module.url(forResource: "study", withExtension: "json", subdirectory: "Fixtures"))
        #expect(try await InMemoryStudyBrowser(json: Data(contentsOf: fixture)).trials(of: "digits-lr").count == 24)
    }
}
