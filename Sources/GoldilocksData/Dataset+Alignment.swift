extension Dataset {
    /// This data set (a validation set loaded from its own file) in the layout of `training`: its
    /// feature columns matched to the training set's by name and put in their order, and its class
    /// labels numbered as the training set numbers them.
    ///
    /// A file read on its own numbers its classes by the labels it happens to hold, so a
    /// validation file that lacks one class would shift every label; and columns matched by
    /// position would let a file of another data set through. Throws when the task differs, when
    /// a feature column is missing or extra, or when a class does not occur in the training set.
    public func aligned(to training: Dataset, name: String) throws(DataError) -> Dataset {
        let missing = training.featureNames.filter { !featureNames.contains($0) }
        let extra = featureNames.filter { !training.featureNames.contains($0) }
        guard missing.isEmpty && extra.isEmpty else {
            var parts: [String] = []
            if !missing.isEmpty { parts.append("lacks the training data's column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))") }
            if !extra.isEmpty { parts.append("has column\(extra.count == 1 ? "" : "s") the training data does not: \(extra.joined(separator: ", "))") }
            throw DataError(
                "the validation data \(parts.joined(separator: " and ")); it must hold the same feature columns (in any order)",
                file: name)
        }
        guard targetName == training.targetName else {
            throw DataError(
                "the validation data's target column is \"\(targetName)\" but the training data's is \"\(training.targetName)\"",
                file: name)
        }
        let order = training.featureNames.map { featureNames.firstIndex(of: $0) ?? 0 }
        var features: [Float] = []
        features.reserveCapacity(self.features.count)
        for row in 0..<count {
            for column in order { features.append(self.features[row * featureCount + column]) }
        }
        var targets = self.targets
        switch (task, training.task) {
        case (.regression, .regression):
            break
        case (.classification, .classification):
            var index: [String: Float] = [:]
            for (k, label) in training.classNames.enumerated() { index[label] = Float(k) }
            for row in targets.indices {
                let label = classNames.indices.contains(Int(targets[row])) ? classNames[Int(targets[row])] : ""
                guard let trained = index[label] else {
                    throw DataError(
                        "the validation data has class \"\(label)\", which the training data never shows (its classes: \(training.classNames.joined(separator: ", ")))",
                        file: name, column: targetName)
                }
                targets[row] = trained
            }
        default:
            throw DataError(
                "the validation data is for \(task == .regression ? "regression" : "classification") but the training data for \(training.task == .regression ? "regression" : "classification"); pass --task to force one",
                file: name)
        }
        return try Dataset(
            features: features, targets: targets, featureCount: training.featureCount, task: training.task,
            featureNames: training.featureNames, targetName: training.targetName, classNames: training.classNames)
    }
}
