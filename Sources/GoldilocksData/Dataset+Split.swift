import GoldilocksCore

extension Dataset {
    /// The rows at `indices`, in that order (repeats allowed); throws for an index outside the rows.
    public func rows(_ indices: [Int]) throws(DataError) -> Dataset {
        if let bad = indices.first(where: { !(0..<count).contains($0) }) { throw .noRow(bad, count: count) }
        return rows(checked: indices)
    }

    /// `rows(_:)` on indices known to be in range (a permutation of the rows).
    func rows(checked indices: [Int]) -> Dataset {
        var copy = self
        copy.features = []
        copy.features.reserveCapacity(indices.count * featureCount)
        features.withUnsafeBufferPointer { source in
            for row in indices {
                copy.features.append(contentsOf: source[row * featureCount..<(row + 1) * featureCount])
            }
        }
        copy.targets = indices.map { targets[$0] }
        return copy
    }

    /// The rows in an order fixed by `rng` (Fisher–Yates).
    public func shuffled(using rng: inout SeededGenerator) -> Dataset {
        var order = Array(0..<count)
        rng.shuffle(&order)
        return rows(checked: order)
    }

    /// Splits off a random `fraction` of the rows for validation, stratified by class for
    /// classification, each part in shuffled order.
    ///
    /// As scikit-learn's `train_test_split`: the validation set has `⌈fraction·n⌉` rows; when
    /// stratified, class `c` with `n_c` rows gives `fraction·n_c` of them, rounded so the total
    /// is right (largest remainders first), so class proportions match in both parts.
    public func split(validationFraction fraction: Double, using rng: inout SeededGenerator) throws(DataError)
        -> (train: Dataset, validation: Dataset)
    {
        guard fraction > 0 && fraction < 1 else {
            throw .validationFractionOutOfRange(fraction)
        }
        let validationCount = Int((fraction * Double(count)).rounded(.up))
        guard validationCount < count else {
            throw .validationTakesEverything(fraction: fraction, rows: count)
        }
        var train: [Int] = []
        var validation: [Int] = []
        if case .classification(let classes) = task {
            var members = [[Int]](repeating: [], count: classes)
            for (row, target) in targets.enumerated() { members[Int(target)].append(row) }
            let shares = members.map { Double(validationCount) * Double($0.count) / Double(count) }
            var taken = shares.map { Int($0.rounded(.down)) }
            let byRemainder = shares.indices.sorted { a, b in
                let ra = shares[a] - Double(taken[a]), rb = shares[b] - Double(taken[b])
                return ra != rb ? ra > rb : a < b
            }
            for c in byRemainder.prefix(validationCount - taken.reduce(0, +)) { taken[c] += 1 }
            for (c, var rows) in members.enumerated() {
                rng.shuffle(&rows)
                validation += rows[..<taken[c]]
                train += rows[taken[c]...]
            }
        } else {
            var order = Array(0..<count)
            rng.shuffle(&order)
            validation = Array(order[..<validationCount])
            train = Array(order[validationCount...])
        }
        rng.shuffle(&train)
        rng.shuffle(&validation)
        return (rows(checked: train), rows(checked: validation))
    }

    /// `split(validationFraction:using:)` with a generator made from `seed`.
    public func split(validationFraction fraction: Double, seed: UInt64) throws(DataError) -> (train: Dataset, validation: Dataset) {
        var rng = SeededGenerator(seed: seed)
        return try split(validationFraction: fraction, using: &rng)
    }
}
