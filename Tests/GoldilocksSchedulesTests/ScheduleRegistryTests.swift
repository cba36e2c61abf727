import Foundation
import GoldilocksSchedules
import GoldilocksSpec
import TestSupport
import Testing

@Suite struct ScheduleRegistryTests {
    @Test(arguments: ["pytorch", "transformers", "optax"])
    func specsGiveTheLibrarysLearningRates(fixture: String) throws {
        let cases = try ReferenceFixture.load(fixture).cases
        #expect(cases.count > 10)
        var checked = 0
        var worst = 0.0
        for item in cases {
            let spec = try item.parsedSpec()
            let expected = try #require(item.lr)
            let schedule = try makeSchedule(spec)
            worst = max(worst, expectMatches(schedule.values(count: expected.count), expected, "\(item.spec)"))
            worst = max(worst, expectMatches((0..<expected.count).map { schedule($0) }, expected, "\(item.spec) stepwise"))
            checked += expected.count
            if let momenta = item.momentum {
                let actual = (0..<momenta.count).map { schedule.momentum(at: $0) ?? .nan }
                worst = max(worst, expectMatches(actual, momenta, "\(item.spec) momentum"))
                checked += momenta.count
            }
        }
        print("\(fixture): \(checked) reference values, max relative error \(worst)")
    }

    @Test func momentumIsNilUnlessTheScheduleCyclesIt() throws {
        let step = try makeSchedule(Spec(json: #"{"name":"StepLR","lr":0.1,"step_size":3}"#))
        let oneCycle = try makeSchedule(Spec(json: #"{"name":"OneCycleLR","max_lr":0.1,"total_steps":10,"cycle_momentum":false}"#))
        #expect(step.momentum(at: 0) == nil)
        #expect(oneCycle.momentum(at: 0) == nil)
    }

    @Test func specsTheLibraryRejectsAreSpecErrors() throws {
        let cases = try ReferenceFixture.load("errors").cases
        #expect(cases.count > 20)
        for item in cases {
            let spec = try item.parsedSpec()
            let steps = try #require(item.steps)
            let metrics = spec.name == "ReduceLROnPlateau" ? Array(repeating: 1.0, count: steps) : nil
            #expect(throws: SpecError.self, "\(item.spec)") { try scheduleRows(spec, steps: steps, metrics: metrics) }
        }
    }

    @Test func anUnknownNameListsTheValidOnesAndTheClosest() {
        #expect {
            try makeSchedule(Spec(json: #"{"name":"OneCycleLr","max_lr":0.1}"#))
        } throws: { error in
            let message = (error as? SpecError)?.description ?? ""
            return message.contains("did you mean \"OneCycleLR\"") && message.contains("get_cosine_schedule_with_warmup")
                && message.contains("sgdr_schedule")
        }
    }

    @Test func anUnknownParameterNamesTheClosestValidOne() {
        #expect {
            try makeSchedule(Spec(json: #"{"name":"StepLR","lr":0.1,"stepsize":3}"#))
        } throws: { error in
            ((error as? SpecError)?.description ?? "").contains("did you mean \"step_size\"")
        }
    }

    @Test func aMissingRequiredParameterIsNamed() {
        #expect(throws: SpecError.missingParameter(owner: "CosineAnnealingLR", parameter: "T_max")) {
            try makeSchedule(Spec(json: #"{"name":"CosineAnnealingLR","lr":0.1}"#))
        }
    }

    @Test func aSettingOutOfRangeNamesTheScheduleTheParameterAndTheValue() {
        let error = #expect(throws: SpecError.self) { try makeSchedule(Spec(json: #"{"name":"StepLR","lr":0.1,"step_size":0}"#)) }
        #expect(error == .outOfRange(owner: "StepLR", parameter: "step_size", requirement: "at least 1", value: "0"))
        #expect(error?.description == "StepLR: step_size must be at least 1, not 0")
    }

    @Test func theOptimizersLearningRateFillsAMissingLR() throws {
        let schedule = try makeSchedule(Spec(json: #"{"name":"ExponentialLR","gamma":0.5}"#), learningRate: 0.2)
        expectClose(schedule(1), 0.1)  // 0.2 · 0.5
        #expect(throws: SpecError.self) { try makeSchedule(Spec(json: #"{"name":"ExponentialLR","gamma":0.5}"#)) }
    }

    @Test func friendlyNamesMeanTheLibraryNames() throws {
        let friendly = try makeSchedule(Spec(json: #"{"name":"one-cycle","max_lr":0.1,"total_steps":20}"#))
        let library = try makeSchedule(Spec(json: #"{"name":"OneCycleLR","max_lr":0.1,"total_steps":20}"#))
        #expect(friendly.values(count: 21) == library.values(count: 21))
    }

    @Test func plateauIsNotAStepSchedule() throws {
        let spec = try Spec(json: #"{"name":"ReduceLROnPlateau","lr":0.1}"#)
        #expect(throws: SpecError.self) { try makeSchedule(spec) }
        #expect(try makePlateau(spec).learningRate == 0.1)
        #expect(throws: SpecError.self) { try makePlateau(Spec(json: #"{"name":"StepLR","lr":0.1,"step_size":3}"#)) }
    }

    @Test func nestedSchedulersMustBePyTorchOnes() {
        #expect(throws: SpecError.self) {
            try makeSchedule(
                Spec(json: #"{"name":"SequentialLR","lr":0.1,"schedulers":[{"name":"constant_schedule","value":1},{"name":"ExponentialLR","gamma":0.9}],"milestones":[3]}"#))
        }
    }

    @Test func helpListsEveryScheduleWithItsDefaults() {
        let help = ScheduleRegistry.standard.help
        for entry in ScheduleRegistry.standard.entries { #expect(help.contains(entry.name)) }
        #expect(help.contains("OneCycleLR(max_lr, total_steps=null"))
        #expect(help.contains("pct_start=0.3"))
        #expect(help.contains("StepLR(lr, step_size, gamma=0.1) (also step)"))
        #expect(ScheduleRegistry.standard.entries.count == 33)
    }
}

/// Values the libraries accept but that give NaN or infinite learning rates.
@Suite struct ScheduleValidationTests {
    @Test(arguments: [
        #"{"name":"exponential_decay","init_value":0.1,"transition_steps":3,"decay_rate":-0.5}"#,
        #"{"name":"polynomial_schedule","init_value":0.1,"end_value":0,"power":-1,"transition_steps":10}"#,
        #"{"name":"cosine_decay_schedule","init_value":0.1,"decay_steps":10,"exponent":-2}"#,
        #"{"name":"OneCycleLR","max_lr":0.1,"total_steps":10,"div_factor":0}"#,
        #"{"name":"cosine_onecycle_schedule","transition_steps":10,"peak_value":0.1,"final_div_factor":0}"#,
        #"{"name":"PolynomialLR","lr":0.1,"power":-1}"#,
        #"{"name":"OneCycleLR","max_lr":0.1,"epochs":4294967296,"steps_per_epoch":4294967296}"#,
        #"{"name":"join_schedules","schedules":[{"name":"constant","lr":1},{"name":"constant","lr":2}],"boundaries":[-9.3e18]}"#,
    ])
    func specsThatWouldGiveNaNOrOverflowAreSpecErrors(json: String) throws {
        #expect(throws: SpecError.self) { try makeSchedule(Spec(json: json)) }
    }
}
