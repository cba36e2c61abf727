import GoldilocksData
import Testing

/// Shapes and class counts as scikit-learn reports them (`load_*().data.shape`, `np.bincount(target)`).
@Test(arguments: [
    (BundledDataset.digits, 1797, 64, [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]),
    (.iris, 150, 4, [50, 50, 50]),
    (.wine, 178, 13, [59, 71, 48]),
    (.breastCancer, 569, 30, [212, 357]),
])
func bundledSetsHaveScikitLearnsShapesAndClassCounts(set: BundledDataset, rows: Int, features: Int, counts: [Int]) throws {
    let dataset = try set.load()
    #expect(dataset.count == rows)
    #expect(dataset.featureCount == features)
    #expect(dataset.featureNames.count == features)
    #expect(dataset.task == .classification(classes: counts.count))
    #expect(dataset.classCounts == counts)
    #expect(dataset.classNames.count == counts.count)
    #expect(dataset.targetName == "target")
}

@Test func bundledClassNamesAreScikitLearnsTargetNamesInIndexOrder() throws {
    #expect(try BundledDataset.iris.load().classNames == ["setosa", "versicolor", "virginica"])
    #expect(try BundledDataset.breastCancer.load().classNames == ["malignant", "benign"])
    #expect(try BundledDataset.wine.load().classNames == ["class_0", "class_1", "class_2"])
    #expect(try BundledDataset.digits.load().classNames == (0..<10).map(String.init))
}

@Test func irisFirstRowMatchesFishersTable() throws {
    let iris = try BundledDataset.iris.load()
    #expect(iris.featureNames == ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"])
    #expect(Array(iris.features[0..<4]) == [5.1, 3.5, 1.4, 0.2])
    #expect(iris.targets[0] == 0)
}

@Test func anotherColumnCanBeTheTargetOfABundledSet() throws {
    let wine = try BundledDataset.wine.load(target: "alcohol", task: .regression)
    #expect(wine.task == .regression)
    #expect(wine.featureCount == 13)
    #expect(wine.featureNames.contains("target"))
    #expect(wine.targets[0] == 14.23)
}
