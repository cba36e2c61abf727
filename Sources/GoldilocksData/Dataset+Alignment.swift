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
            throw .validationColumnsDiffer(file: name, missing: missing, extra: extra)
        }
        guard targetName == training.targetName else {
            throw .validationTargetDiffers(file: name, target: targetName, trainingTarget: training.targetName)
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
                    throw .unseenClass(file: name, column: targetName, label: label, trainingClasses: training.classNames)
                }
                targets[row] = trained
            }
        default:
            throw .validationTaskDiffers(
                file: name, validationIsRegression: task == .regression, trainingIsRegression: training.task == .regression)
        }
        return try Dataset(
            features: features, targets: targets, featureCount: training.featureCount, task: training.task,
            featureNames: training.featureNames, targetName: training.targetName, classNames: training.classNames)
    }
}
