import Foundation

/// The gradient-boosted classifiers that name the verdict of a run the rules do not settle, from
/// its `RunFeatures`: for each verdict, the probability that it is acceptable for the run.
///
/// Trained by scripts/diagnosis-reader (scikit-learn's HistGradientBoostingClassifier, one per
/// verdict) on real runs labelled by what rerunning them with other learning rates did
/// (docs/diagnosis.md), and read from the resource diagnosis-reader.json. A row goes left at a node
/// when its feature is ≤ the threshold, or is NaN (the log has no such series) and the node sends
/// missing values left; a verdict's probability is the logistic of its baseline plus the values of
/// the leaves its row reaches, as scikit-learn's predict_proba computes it.
struct DiagnosisReader: Decodable, Sendable {
    struct Tree: Decodable, Sendable {
        /// Per node: the feature it splits on, or -1 at a leaf.
        let feature: [Int]
        let threshold: [Double]
        /// Per node: 1 when a missing (NaN) feature goes left.
        let missingLeft: [Int]
        let left: [Int]
        let right: [Int]
        /// Per node: its contribution to the log-odds when it is a leaf.
        let value: [Double]

        enum CodingKeys: String, CodingKey {
            case feature, threshold, left, right, value
            case missingLeft = "missing_left"
        }

        func value(for x: [Double]) -> Double {
            var node = 0
            while feature[node] >= 0 {
                let v = x[feature[node]]
                let goesLeft = v.isNaN ? missingLeft[node] != 0 : v <= threshold[node]
                node = goesLeft ? left[node] : right[node]
            }
            return value[node]
        }

        /// Whether every index points inside the tree and every split at a feature, so that
        /// `value(for:)` cannot trap on a damaged file. Children come after their parent (no loops).
        func isWellFormed(features: Int) -> Bool {
            let count = feature.count
            guard count > 0, [threshold.count, missingLeft.count, left.count, right.count, value.count].allSatisfy({ $0 == count })
            else { return false }
            return (0..<count).allSatisfy { node in
                feature[node] < 0
                    || (feature[node] < features && (node + 1..<count).contains(left[node])
                        && (node + 1..<count).contains(right[node]))
            }
        }
    }

    /// One verdict's classifier.
    struct Model: Decodable, Sendable {
        let baseline: Double
        let trees: [Tree]

        /// The probability that the verdict is acceptable for the run measured by `x`.
        func probability(_ x: [Double]) -> Double {
            let logOdds = trees.reduce(baseline) { $0 + $1.value(for: x) }
            return 1 / (1 + exp(-logOdds))
        }
    }

    let features: [String]
    let verdicts: [Verdict]
    let models: [Model]

    /// Each verdict's probability of being acceptable for the run measured by `x`, in `verdicts`' order.
    func probabilities(for x: [Double]) -> [Double] {
        models.map { $0.probability(x) }
    }

    /// The verdict most likely acceptable (the first of equal ones) and its probability.
    func vote(for x: [Double]) -> (verdict: Verdict, probability: Double) {
        let p = probabilities(for: x)
        let best = p.indices.max { p[$0] < p[$1] } ?? 0  // the first of equal maxima
        return (verdicts[best], p[best])
    }

    /// The reader shipped with the package, read and checked once.
    static let shipped: Result<DiagnosisReader, DiagnosisError> = {
        guard let url = Bundle.module.url(forResource: "diagnosis-reader", withExtension: "json"),
              let data = try? Data(contentsOf: url)
        else { return .failure(.modelUnavailable(reason: "diagnosis-reader.json is missing from the GoldilocksDiagnosis resources")) }
        guard let reader = try? JSONDecoder().decode(DiagnosisReader.self, from: data) else {
            return .failure(.modelUnavailable(reason: "diagnosis-reader.json cannot be read"))
        }
        guard reader.features == RunFeatures.names, !reader.models.isEmpty, reader.models.count == reader.verdicts.count,
              reader.models.allSatisfy({ $0.trees.allSatisfy { $0.isWellFormed(features: reader.features.count) } })
        else {
            return .failure(.modelUnavailable(reason: "diagnosis-reader.json does not fit this version's run features"))
        }
        return .success(reader)
    }()
}
