import GoldilocksTuning
import Testing

@Suite struct ChoiceFactoryTests {
    @Test func eachSamplerChoiceMakesItsSampler() {
        #expect(SamplerChoice.random.makeSampler(seed: 1, points: 16, suggestion: nil) is RandomSampler)
        #expect((SamplerChoice.grid.makeSampler(seed: 1, points: 16, suggestion: nil) as? GridSampler)?.points == 16)
        let tpe = SamplerChoice.tpe.makeSampler(seed: 1, points: 16, suggestion: 1e-3) as? TPESampler
        #expect(tpe?.suggestion == 1e-3 && tpe?.seed == 1)
    }

    @Test func eachPrunerChoiceMakesItsPruner() {
        let asha = PrunerChoice.asha(minResource: 2, reductionFactor: 4, brackets: 3).makePruner(studyName: "s") as? SuccessiveHalvingPruner
        #expect(asha?.minResource == 2 && asha?.reductionFactor == 4 && asha?.brackets == 3 && asha?.studyName == "s")
        let percentile = PrunerChoice.percentile(25, startupTrials: 3, warmupEpochs: 2).makePruner(studyName: "s") as? PercentilePruner
        #expect(percentile?.percentile == 25 && percentile?.startupTrials == 3 && percentile?.warmupEpochs == 2)
        #expect(PrunerChoice.none.makePruner(studyName: "s") == nil)
    }
}
