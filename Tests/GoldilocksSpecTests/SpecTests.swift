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
    let error = #expect(throws: SpecError.self) { try spec.checkParameters(["lr", "step_size", "gamma"]) }
    guard case let .unknownName(kind, name, owner, valid, closest)? = error else {
        Issue.record("expected unknownName, got \(String(describing: error))")
        return
    }
    #expect(kind == "parameter" && name == "stepsize" && owner == "StepLR")
    #expect(valid == ["lr", "step_size", "gamma"] && closest == "step_size")
    #expect(
        error?.description
            == "unknown parameter \"stepsize\" for StepLR; did you mean \"step_size\"? Valid: lr, step_size, gamma")
}

@Test func wrongTypesAndMissingFieldsAreClearErrors() throws {
    let spec = try Spec(json: #"{"name":"StepLR","step_size":2.5,"gamma":"x"}"#)
    #expect(throws: SpecError.badParameter(owner: "StepLR", parameter: "step_size", expected: "a whole number", value: "2.5")) {
        try spec.int("step_size")
    }
    let mistyped = #expect(throws: SpecError.self) { try spec.double("gamma") }
    #expect(mistyped?.description == "StepLR: \"gamma\" must be a number, not \"x\"")
    let missing = #expect(throws: SpecError.self) { try spec.double("lr") }
    #expect(missing == .missingParameter(owner: "StepLR", parameter: "lr"))
    #expect(missing?.description == "StepLR needs \"lr\"")
    #expect(throws: SpecError.notAnObject) { try Spec(json: "[1,2]") }
    #expect(throws: SpecError.missingName) { try Spec(json: #"{"lr":1}"#) }
    #expect(throws: SpecError.notJSON(excerpt: "{not json")) { try Spec(json: "{not json") }
}

@Test func aSpecFileErrorKeepsTheSpecErrorAsACase() {
    let inner = SpecError.missingParameter(owner: "StepLR", parameter: "step_size")
    let error = SpecError.inFile(path: "s.json", error: inner)
    #expect(error.description == "s.json: StepLR needs \"step_size\"")
    guard case .inFile(_, .missingParameter(_, let parameter)) = error else {
        Issue.record("the file's error is not kept as a case")
        return
    }
    #expect(parameter == "step_size")
}

@Test func closestMatchIgnoresCaseAndFarWords() {
    #expect(closestMatch(to: "onecyclelr", in: ["OneCycleLR", "StepLR"]) == "OneCycleLR")
    #expect(closestMatch(to: "zzzzzzzzzz", in: ["OneCycleLR", "StepLR"]) == nil)
}
