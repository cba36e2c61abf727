import GoldilocksTraining
/// What a requested training run (`TrainingRequest.run`) produced: its summary, the
/// configuration it trained (after `--lr auto` and a `run.json`), the per-step history, and
/// whether it was interrupted or lost its log.
///
/// Its JSON encoding is the summary's, which is `goldilocks train --format json`; decode a
/// `TrainingSummary` to read it back.
public struct TrainingReport: Encodable {
    /// The outcome, as `train --format json` prints it.
    public var summary: TrainingSummary
    /// The configuration the run trained, as its `run.json` holds it.
    public var configuration: RunConfiguration
    /// Every step and epoch, and the guard's restores.
    public var history: History
    /// Whether `stopRequested` stopped the run.
    public var interrupted: Bool
    /// Why the run's log could not be written, if it could not (the run stopped there).
    public var logFailure: RunLogError?

    /// Encodes the summary only: the history and configuration are in the log folder.
    public func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
    }
}
