@testable import GoldilocksTuning

/// The split's trial numbers, for tests that do not import the module as testable.
enum TPESplitProbe {
    static func split(_ trials: [TrialRecord], below count: Int) -> (below: [Int], above: [Int]) {
        let (below, above) = TPESplit.split(trials, below: count)
        return (below.map(\.number), above.map(\.number))
    }
}
