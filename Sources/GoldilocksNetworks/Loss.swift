/// A training loss with PyTorch's default mean reduction, so reported figures compare one to one.
public enum Loss: String, Codable, Sendable, CaseIterable {
    /// `MSELoss`: the mean over all outputs of `(y - t)²`.
    case meanSquaredError = "mse"
    /// `CrossEntropyLoss` on logits: the mean over samples of `logsumexp(z) - z[target]`.
    case softmaxCrossEntropy = "cross_entropy"
    /// `BCEWithLogitsLoss`: the mean over outputs of `max(z,0) - z t + log(1 + e^-|z|)`.
    case binaryCrossEntropy = "binary_cross_entropy"

    /// The mean loss of `rows` samples, and its gradient with respect to the outputs written
    /// into `gradient` (the same layout as `outputs`).
    ///
    /// `targets` holds one value per sample for cross-entropy (the class index) and one per
    /// output otherwise.
    @inline(__always)
    func evaluate<T: NetworkScalar>(
        outputs: UnsafePointer<T>, targets: UnsafePointer<T>, rows: Int, columns: Int,
        gradient: UnsafeMutablePointer<T>?
    ) -> Double {
        var total = 0.0
        switch self {
        case .meanSquaredError:
            let scale = 2 / T(rows * columns)
            for i in 0..<rows * columns {
                let difference = outputs[i] - targets[i]
                total += Double(difference * difference)
                gradient?[i] = scale * difference
            }
            return total / Double(rows * columns)
        case .softmaxCrossEntropy:
            let scale = 1 / T(rows)
            for r in 0..<rows {
                let logits = outputs + r * columns
                let target = Int(targets[r])
                var largest = logits[0]
                for j in 1..<columns { largest = max(largest, logits[j]) }
                var sum: T = 0
                for j in 0..<columns { sum += T.exp(logits[j] - largest) }
                total += Double(largest + T.log(sum) - logits[target])
                if let row = gradient.map({ $0 + r * columns }) {
                    let inverse = scale / sum
                    for j in 0..<columns { row[j] = T.exp(logits[j] - largest) * inverse }
                    row[target] -= scale
                }
            }
            return total / Double(rows)
        case .binaryCrossEntropy:
            let scale = 1 / T(rows * columns)
            for i in 0..<rows * columns {
                let z = outputs[i], t = targets[i]
                total += Double(max(z, 0) - z * t + T.log(1 + T.exp(-abs(z))))
                gradient?[i] = scale * (1 / (1 + T.exp(-z)) - t)
            }
            return total / Double(rows * columns)
        }
    }

    /// How many target values each sample has for a network with `outputs` outputs.
    public func targetsPerSample(outputs: Int) -> Int {
        self == .softmaxCrossEntropy ? 1 : outputs
    }
}
