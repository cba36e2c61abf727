import GoldilocksDiagnosis
import GoldilocksLogs

extension LossLog {
    /// The diagnosis of the whole run the log holds: its training loss, its learning rates when
    /// they were logged at the same steps, and its validation loss at its own cadence. `diagnose`
    /// and `compare` both read a log this way.
    public func diagnosis() throws -> Diagnosis {
        let rates = learningRate.flatMap { $0.steps == steps ? $0.values : nil }
        let validation = validation.map { (steps: $0.steps, losses: $0.values) }
        return try diagnose(losses: values, learningRates: rates, steps: steps, validation: validation)
    }
}
