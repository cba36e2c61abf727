import GoldilocksData
import TestSupport
import Testing

@Test(arguments: [[0, 1, 3] as [Float], [0, -1, 1], [0, 1.5, 1], [0, .nan, 1], [0, .infinity, 1]])
func aClassLabelOutsideTheClassesIsAnErrorNotAnOutOfBoundsRead(labels: [Float]) {
    #expect(throws: DataError.self) {
        try Dataset(features: [1, 2, 3], targets: labels, featureCount: 1, task: .classification(classes: 3))
    }
}

@Test func theErrorNamesTheRowAndTheLabel() {
    expectError(
        DataError.badLabel(row: 2, label: 7, classes: 3),
        reads: "row 2 has label 7.0, but class labels must be whole numbers in 0..<3; number the classes from 0"
    ) {
        _ = try Dataset(features: [1, 2], targets: [0, 7], featureCount: 1, task: .classification(classes: 3))
    }
}

@Test func featuresMustBeWholeRows() {
    #expect(throws: DataError.self) { try Dataset(features: [1, 2, 3], targets: [0, 1], featureCount: 2, task: .regression) }
    #expect(throws: DataError.self) { try Dataset(features: [], targets: [], featureCount: 0, task: .regression) }
    #expect(throws: DataError.self) { try Dataset(features: [1], targets: [0], featureCount: 1, task: .classification(classes: 0)) }
}

@Test func validLabelsAndAnyRegressionTargetsAreAccepted() throws {
    let classes = try Dataset(features: [1, 2, 3], targets: [0, 2, 1], featureCount: 1, task: .classification(classes: 3))
    #expect(classes.classCounts == [1, 1, 1])
    let values = try Dataset(features: [1, 2], targets: [-3.5, 1e9], featureCount: 1, task: .regression)
    #expect(values.count == 2 && values.lossScale == 1)
}
