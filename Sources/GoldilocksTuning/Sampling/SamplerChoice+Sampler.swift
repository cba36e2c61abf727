extension SamplerChoice {
    /// The sampler this choice names, for a study seeded with `seed`.
    /// - `points`: the grid's size (the study's budget), used by `.grid` only.
    /// - `suggestion`: the range test's suggested learning rate, which seeds `.tpe`'s first
    ///   trials; nil (no range test) gives Optuna's uniform startup. The other samplers ignore it.
    public func makeSampler(seed: UInt64, points: Int, suggestion: Double?) -> any Sampler {
        switch self {
        case .random: RandomSampler(seed: seed)
        case .grid: GridSampler(points: points)
        case .tpe: TPESampler(seed: seed, suggestion: suggestion)
        }
    }
}
