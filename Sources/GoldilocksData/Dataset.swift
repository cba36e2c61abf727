/// What a data set asks a model to predict.
public enum Task: Sendable, Equatable, Codable {
    /// Predict one of `classes` labels, stored as 0..<classes in `Dataset.targets`.
    case classification(classes: Int)
    /// Predict one real number.
    case regression
}

/// A table of samples in memory: row-major Float features and one target per row.
///
/// The shape and the labels are checked when a data set is made, and only this module changes
/// them afterwards, so every class index a loss reads is below the class count.
public struct Dataset: Sendable {
    /// `count * featureCount` values, row after row.
    public internal(set) var features: [Float]
    /// One target per row: the class index for classification, the value for regression.
    public internal(set) var targets: [Float]
    public internal(set) var featureCount: Int
    public internal(set) var task: Task
    public var featureNames: [String]
    public var targetName: String
    /// Names of the classes, in index order (empty for regression).
    public var classNames: [String]
    /// What a mean squared error on `targets` is multiplied by to read in the target's own units:
    /// the variance a `TargetStandardizer` divided out (1 when the targets are as loaded).
    public internal(set) var lossScale: Double = 1

    /// A data set of `targets.count` rows. Throws unless there is at least one feature per row,
    /// `features` holds `targets.count × featureCount` values, and, for classification, there is
    /// at least one class and every target is a whole number in `0..<classes`.
    public init(
        features: [Float], targets: [Float], featureCount: Int, task: Task,
        featureNames: [String]? = nil, targetName: String = "target", classNames: [String] = []
    ) throws(DataError) {
        guard featureCount > 0 else { throw .noFeatures(featureCount: featureCount) }
        guard features.count == targets.count * featureCount else {
            throw .featureCountMismatch(values: features.count, rows: targets.count, featureCount: featureCount)
        }
        if case .classification(let classes) = task {
            guard classes >= 1 else { throw .noClasses(classes) }
            if let row = targets.firstIndex(where: { !($0 >= 0 && $0 < Float(classes) && $0.rounded(.towardZero) == $0) }) {
                throw .badLabel(row: row + 1, label: targets[row], classes: classes)
            }
        }
        self.init(
            unchecked: features, targets: targets, featureCount: featureCount, task: task, featureNames: featureNames,
            targetName: targetName, classNames: classNames)
    }

    /// A data set whose shape and labels are right by construction (the generators'), unchecked.
    init(
        unchecked features: [Float], targets: [Float], featureCount: Int, task: Task,
        featureNames: [String]? = nil, targetName: String = "target", classNames: [String] = []
    ) {
        self.features = features
        self.targets = targets
        self.featureCount = featureCount
        self.task = task
        self.featureNames = featureNames ?? (0..<featureCount).map { "x\($0)" }
        self.targetName = targetName
        self.classNames = classNames
    }

    /// The number of samples.
    public var count: Int { targets.count }

    /// The number of model outputs the data set needs: the class count, or 1 for regression.
    public var outputCount: Int {
        if case .classification(let classes) = task { return classes }
        return 1
    }

    /// How many rows each class has, in class-index order (empty for regression).
    public var classCounts: [Int] {
        guard case .classification(let classes) = task else { return [] }
        var counts = [Int](repeating: 0, count: classes)
        for target in targets { counts[Int(target)] += 1 }
        return counts
    }
}
