/// What a data set asks a model to predict.
public enum Task: Sendable, Equatable, Codable {
    /// Predict one of `classes` labels, stored as 0..<classes in `Dataset.targets`.
    case classification(classes: Int)
    /// Predict one real number.
    case regression
}

/// A table of samples in memory: row-major Float features and one target per row.
public struct Dataset: Sendable {
    /// `count * featureCount` values, row after row.
    public var features: [Float]
    /// One target per row: the class index for classification, the value for regression.
    public var targets: [Float]
    public var featureCount: Int
    public var task: Task
    public var featureNames: [String]
    public var targetName: String
    /// Names of the classes, in index order (empty for regression).
    public var classNames: [String]

    public init(
        features: [Float], targets: [Float], featureCount: Int, task: Task,
        featureNames: [String]? = nil, targetName: String = "target", classNames: [String] = []
    ) {
        precondition(featureCount > 0 && features.count == targets.count * featureCount, "features must be rows × featureCount")
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
