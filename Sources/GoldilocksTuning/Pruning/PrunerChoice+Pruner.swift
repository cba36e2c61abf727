extension PrunerChoice {
    /// The pruner this choice names, or nil for `.none` (every trial runs to the end).
    /// `studyName` picks each trial's bracket when ASHA has several, as Optuna's Hyperband does
    /// with its study's name, so Optuna would put the trials of the same study in the same brackets.
    public func makePruner(studyName: String) -> (any Pruner)? {
        switch self {
        case .asha(let minResource, let reductionFactor, let brackets):
            SuccessiveHalvingPruner(minResource: minResource, reductionFactor: reductionFactor, brackets: brackets, studyName: studyName)
        case .percentile(let percentile, let startupTrials, let warmupEpochs):
            PercentilePruner(percentile: percentile, startupTrials: startupTrials, warmupEpochs: warmupEpochs)
        case .none:
            nil
        }
    }
}
