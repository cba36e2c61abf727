import Foundation

/// The random forest that names the verdict of a curve the rules do not settle: healthy,
/// too_slow, oscillating or plateau, from its `CurveFeatures`.
///
/// Trained by scripts/diagnosis-model on the runs of the evaluation set, each labelled by what
/// rerunning it with another learning rate did (docs/diagnosis.md), and read from the resource
/// diagnosis-forest.json. A sample goes left at a node when its feature is ≤ the threshold; the
/// verdict is the class with the highest mean share over the trees, as scikit-learn predicts.
struct DiagnosisForest: Decodable, Sendable {
    struct Tree: Decodable, Sendable {
        /// Per node: the feature it splits on, or -1 at a leaf.
        let feature: [Int]
        let threshold: [Double]
        let left: [Int]
        let right: [Int]
        /// Per node: the share of training runs of each class.
        let value: [[Double]]

        func shares(for x: [Double]) -> [Double] {
            var node = 0
            while feature[node] >= 0 {
                node = x[feature[node]] <= threshold[node] ? left[node] : right[node]
            }
            return value[node]
        }

        /// Whether every index points inside the tree and every split at a feature, so that
        /// `shares` cannot trap on a damaged file. Children come after their parent (no loops).
        func isWellFormed(features: Int, classes: Int) -> Bool {
            let count = feature.count
            guard count > 0, [threshold.count, left.count, right.count, value.count].allSatisfy({ $0 == count })
            else { return false }
            return (0..<count).allSatisfy { node in
                guard value[node].count == classes else { return false }
                guard feature[node] >= 0 else { return true }
                return feature[node] < features && (node + 1..<count).contains(left[node])
                    && (node + 1..<count).contains(right[node])
            }
        }
    }

    let features: [String]
    let classes: [Verdict]
    let trees: [Tree]

    /// The class with the highest mean share over the trees (the first of equal ones), and that
    /// mean share: the forest's vote for it, from 1/classes (a toss-up) to 1 (unanimous).
    func vote(for x: [Double]) -> (verdict: Verdict, share: Double) {
        var total = [Double](repeating: 0, count: classes.count)
        for tree in trees {
            for (k, share) in tree.shares(for: x).enumerated() { total[k] += share }
        }
        let best = total.indices.max { total[$0] < total[$1] } ?? 0  // the first of equal maxima
        return (classes[best], total[best] / Double(trees.count))
    }

    /// The class with the highest mean share over the trees.
    func verdict(for x: [Double]) -> Verdict { vote(for: x).verdict }

    /// The forest shipped with the package, read and checked once.
    static let shipped: Result<DiagnosisForest, DiagnosisError> = {
        guard let url = Bundle.module.url(forResource: "diagnosis-forest", withExtension: "json"),
              let data = try? Data(contentsOf: url)
        else { return .failure(.modelUnavailable(reason: "diagnosis-forest.json is missing from the GoldilocksDiagnosis resources")) }
        guard let forest = try? JSONDecoder().decode(DiagnosisForest.self, from: data) else {
            return .failure(.modelUnavailable(reason: "diagnosis-forest.json cannot be read"))
        }
        guard forest.features == CurveFeatures.names, !forest.trees.isEmpty,
              forest.trees.allSatisfy({ $0.isWellFormed(features: forest.features.count, classes: forest.classes.count) })
        else {
            return .failure(.modelUnavailable(reason: "diagnosis-forest.json does not fit this version's curve features"))
        }
        return .success(forest)
    }()
}
