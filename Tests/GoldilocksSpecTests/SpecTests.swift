import GoldilocksSpec
import Testing

@Test func readsNameAndTypedParameters() throws {
    let spec = try Spec(json: #"{"name":"StepLR","lr":0.1,"step_size":30,"betas":[0.9,0.999],"nesterov":true}"#)
    #expect(spec.name == "StepLR")
    #expect(try spec.double("lr") == 0.1)
    #expect(try spec.int("step_size") == 30)
    #expect(try spec.double("gamma", default: 0.1) == 0.1)
    #expect(try spec.doubles("betas") == [0.9, 0.999])
    #expect(try spec.bool("nesterov"))
}

@Test func unknownParameterNamesTheClosestValidOne() throws {
    let spec = try Spec(json: #"{"name":"StepLR","stepsize":30}"#)
    #expect(throws: SpecError.self) { try spec.checkParameters(["lr", "step_size", "gamma"]) }
    do {
        try spec.checkParameters(["lr", "step_size", "gamma"])
    } catch {
        #expect(error.description.contains("\"stepsize\""))
        #expect(error.description.contains("did you mean \"step_size\"?"))
        #expect(error.description.contains("Valid: lr, step_size, gamma"))
    }
}

@Test func wrongTypesAndMissingFieldsAreClearErrors() throws {
    let spec = try Spec(json: #"{"name":"StepLR","step_size":2.5,"gamma":"x"}"#)
    #expect(throws: SpecError("StepLR: \"step_size\" must be a whole number, not 2.5")) { try spec.int("step_size") }
    #expect(throws: SpecError("StepLR: \"gamma\" must be a number, not \"x\"")) { try spec.double("gamma") }
    #expect(throws: SpecError("StepLR needs \"lr\"")) { try spec.double("lr") }
    #expect(throws: SpecError.self) { try Spec(json: "[1,2]") }
    #expect(throws: SpecError.self) { try Spec(json: #"{"lr":1}"#) }
    #expect(throws: SpecError.self) { try Spec(json: "{not json") }
}

@Test func closestMatchIgnoresCaseAndFarWords() {
    #expect(closestMatch(to: "onecyclelr", in: ["OneCycleLR", "StepLR"]) == "OneCycleLR")
    #expect(closestMatch(to: "zzzzzzzzzz", in: ["OneCycleLR", "StepLR"]) == nil)
}
