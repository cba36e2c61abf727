/// What a seeded random stream is for. `SeededGenerator(seed:purpose:)` derives one stream per
/// (seed, purpose) pair, so the streams of a run never share values and two seeds never swap
/// streams, as offsets such as `seed + 7` and `seed + 11` did (seed 4's weights were drawn from
/// seed 0's batch-order stream, and seed 1's training data was seed 0's validation data).
///
/// Every purpose in Goldilocks is listed here, in one place, so a new one cannot reuse another's
/// stream by accident.
public enum RandomPurpose: Sendable, Hashable {
    /// Drawing a generated data set (spirals, moons, blobs, regression).
    case trainingData
    /// Drawing a generated validation set, independent of the training set.
    case validationData
    /// Choosing which rows are held out for validation.
    case validationSplit
    /// A network's initial weights.
    case initialWeights
    /// The order of the training rows in each epoch.
    case batchOrder
    /// The batch order of one repeat of the learning-rate range test.
    case rangeTestBatches(repeat: Int)
    /// The rows one fold of `--lr auto`'s rehearsal holds out.
    case rehearsalSplit(fold: Int)
    /// A study's sampler choosing the parameters of trial `number`: one stream per trial, so any
    /// worker that samples the same trial from the same trials draws the same numbers.
    case trialSampling(number: Int)

    /// A distinct tag per case, and the repeat or fold for the cases that have one.
    var key: (tag: UInt64, index: UInt64) {
        switch self {
        case .trainingData: (1, 0)
        case .validationData: (2, 0)
        case .validationSplit: (3, 0)
        case .initialWeights: (4, 0)
        case .batchOrder: (5, 0)
        case .rangeTestBatches(let index): (6, UInt64(bitPattern: Int64(index)))
        case .rehearsalSplit(let index): (7, UInt64(bitPattern: Int64(index)))
        case .trialSampling(let number): (8, UInt64(bitPattern: Int64(number)))
        }
    }
}
