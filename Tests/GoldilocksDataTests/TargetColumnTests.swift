import GoldilocksData
import TestSupport
import Testing

private func load(_ targets: [String], task: TaskChoice = .auto) throws(DataError) -> Dataset {
    let text = "x,y\n" + targets.enumerated().map { "\($0),\($1)" }.joined(separator: "\n")
    return try CSVLoader(task: task).load(text: text, name: "t.csv")
}

@Test func textLabelsAreClassesInSortedOrder() throws {
    let dataset = try load(["b", "a", "c", "a"])
    #expect(dataset.task == .classification(classes: 3))
    #expect(dataset.classNames == ["a", "b", "c"])
    #expect(dataset.targets == [1, 0, 2, 0])
}

@Test func integerLabelsSortNumericallyNotAsText() throws {
    let dataset = try load(["10", "9", "10", "2", "9", "2"])
    #expect(dataset.task == .classification(classes: 3))
    #expect(dataset.classNames == ["2", "9", "10"])
    #expect(dataset.targets == [2, 1, 2, 0, 1, 0])
}

@Test func fractionalTargetsAreRegression() throws {
    let dataset = try load(["0.5", "1.25", "0.5", "2"])
    #expect(dataset.task == .regression)
    #expect(dataset.targets == [0.5, 1.25, 0.5, 2])
    #expect(dataset.classNames.isEmpty)
}

@Test func manyDistinctIntegersAreRegression() throws {
    // 25 distinct values is over the 20-class limit of auto detection.
    let dataset = try load((0..<100).map { String($0 % 25) })
    #expect(dataset.task == .regression)
}

@Test func fewDistinctIntegersNeedEnoughRowsToBeClasses() throws {
    // 4 distinct values in 4 rows looks like a measurement, not labels.
    #expect(try load(["1", "2", "3", "4"]).task == .regression)
    #expect(try load(["1", "2", "1", "2"]).task == .classification(classes: 2))
    #expect(try load((0..<40).map { String($0 % 20) }).task == .classification(classes: 20))
}

@Test func forcedClassificationNamesNumericClassesByValue() throws {
    let dataset = try load(["1.5", "0.5", "1.50", "0.5"], task: .classification)
    #expect(dataset.classNames == ["0.5", "1.5"])
    #expect(dataset.targets == [1, 0, 1, 0])
}

@Test func forcedRegressionOfLabelsNamesTheCell() {
    expectError(
        DataError.nonNumericTarget(file: "t.csv", line: 3, column: "y", value: "cat"),
        reads: "t.csv, line 3, column \"y\": \"cat\" is not a number; a regression target must be numeric (use the classification task for labels)"
    ) { _ = try load(["1", "cat"], task: .regression) }
}

@Test func forcedRegressionKeepsIntegerValues() throws {
    let dataset = try load(["1", "2", "1", "2"], task: .regression)
    #expect(dataset.task == .regression)
    #expect(dataset.targets == [1, 2, 1, 2])
}

@Test func oneStrayWordInAContinuousTargetIsAnErrorNotFortyClasses() throws {
    var targets = (0..<40).map { String(Double($0) * 1.37 + 0.5) }
    targets[17] = "n/a"
    #expect {
        try load(targets)
    } throws: { error in
        "\(error)".hasPrefix("t.csv, line 19, column \"y\": \"n/a\" is not a number, but 39 of the 40 values are numbers")
    }
    #expect(try load(targets, task: .classification).task == .classification(classes: 40))
}

@Test func aWordAmongFewWholeNumberLabelsIsStillAClass() throws {
    let dataset = try load(["0", "1", "0", "1", "unknown", "0", "1", "1"])
    #expect(dataset.task == .classification(classes: 3))
}

@Test func aNULInsideATargetNumberMakesItText() throws {
    #expect(throws: DataError.self) { try load(["0.5", "1.25\u{0}9", "0.75", "2"], task: .regression) }
}
