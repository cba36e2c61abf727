import GoldilocksSpec
import GoldilocksTuning
import Testing

@Suite struct DistributionTests {
    @Test func optunaJSONRoundTrips() {
        let distributions: [Distribution] = [.float(low: 1e-5, high: 1, log: true), .categorical(choices: ["constant", "one_cycle"])]
        for distribution in distributions {
            #expect(Distribution(optunaJSON: distribution.optunaJSON) == distribution)
        }
    }

    @Test func categoricalValuesAreStoredAsIndices() {
        let distribution = Distribution.categorical(choices: ["SGD", "Adam", "AdamW"])
        #expect(distribution.internalValue(of: .choice("AdamW")) == 2)
        #expect(distribution.value(fromInternal: 1) == .choice("Adam"))
        #expect(distribution.value(fromInternal: 3) == nil)
        #expect(distribution.value(fromInternal: 0.5) == nil)
        #expect(distribution.value(fromInternal: .nan) == nil)
    }

    @Test func floatsOutsideTheRangeAreRefused() {
        let distribution = Distribution.float(low: 1e-5, high: 1, log: true)
        #expect(distribution.internalValue(of: .float(2)) == nil)
        #expect(distribution.internalValue(of: .float(1e-3)) == 1e-3)
        #expect(distribution.value(fromInternal: .nan) == nil)
    }

    @Test func statesUseOptunasNames() {
        #expect(TrialState.failed.optunaName == "FAIL")
        #expect(TrialState(optunaName: "PRUNED") == .pruned)
        #expect(TrialState(optunaName: "pruned") == nil)
    }
}
