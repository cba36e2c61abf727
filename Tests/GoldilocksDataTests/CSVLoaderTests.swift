import Foundation
import GoldilocksData
import Testing

/// Loads `text` as a file named data.csv.
private func load(_ text: String, target: String? = nil, task: TaskChoice = .auto) throws(DataError) -> Dataset {
    try CSVLoader(target: target, task: task).load(text: text, name: "data.csv")
}

@Test func readsFeaturesTargetAndNamesWithTheLastColumnAsTarget() throws {
    let dataset = try load("a,b,label\n1,2,cat\n3.5,-4,dog\n0.25,1e-3,cat\n")
    #expect(dataset.featureNames == ["a", "b"])
    #expect(dataset.targetName == "label")
    #expect(dataset.features == [1, 2, 3.5, -4, 0.25, 1e-3])
    #expect(dataset.targets == [0, 1, 0])
    #expect(dataset.task == .classification(classes: 2))
    #expect(dataset.classNames == ["cat", "dog"])
}

@Test func targetColumnIsPickedByNameAndTheOthersStayFeaturesInOrder() throws {
    let dataset = try load("a,y,b\n1,10.5,2\n3,11.25,4\n", target: "y")
    #expect(dataset.featureNames == ["a", "b"])
    #expect(dataset.features == [1, 2, 3, 4])
    #expect(dataset.targets == [10.5, 11.25])
    #expect(dataset.task == .regression)
}

@Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
    let text = "\"name, full\",\"x\",y\r\n\"1\",2,\"say \"\"hi\"\"\"\r\n3,4,\"two\r\nlines\"\r\n5,6,\"say \"\"hi\"\"\"\r\n"
    let dataset = try load(text, task: .classification)
    #expect(dataset.featureNames == ["name, full", "x"])
    #expect(dataset.features == [1, 2, 3, 4, 5, 6])
    #expect(dataset.classNames == ["say \"hi\"", "two\r\nlines"])
    #expect(dataset.targets == [0, 1, 0])
}

@Test func crlfBlankLinesByteOrderMarkAndNoFinalNewlineAreAccepted() throws {
    let dataset = try load("\u{FEFF}a,y\r\n\r\n1,5.5\r\n\n\n2,6.5")
    #expect(dataset.featureNames == ["a"])
    #expect(dataset.features == [1, 2])
    #expect(dataset.targets == [5.5, 6.5])
}

@Test func nonNumericFeatureNamesFileLineAndColumn() {
    #expect(
        throws: DataError(
            "\"x\" is not a finite number; feature columns must be numeric (encode categories as numbers first, or make this column the target)",
            file: "data.csv", line: 3, column: "b")
    ) { try load("a,b,y\n1,2,0\n3,x,1\n") }
}

@Test func lineNumbersCountBlankLinesAndLinesInsideQuotes() throws {
    // Line 1 header, 2 blank, 3 a row, 4–5 one row with a two-line label, 6 the bad cell.
    do {
        _ = try load("a,b,y\n\n1,2,cat\n3,4,\"big\ncat\"\n5,q,dog\n")
        Issue.record("expected an error")
    } catch {
        #expect(error.line == 6)
        #expect(error.column == "b")
        #expect(error.description.hasPrefix("data.csv, line 6, column \"b\": \"q\" is not a finite number"))
    }
}

@Test(arguments: ["nan", "inf", "-infinity", "", "1e39", "1,5", "0x", "1 2"])
func nonFiniteEmptyOrMalformedFeaturesAreRejected(cell: String) {
    let quotedCell = "\"" + cell + "\""
    #expect(throws: DataError.self) { try load("a,y\n1,0\n\(quotedCell),1\n2,1\n") }
}

@Test func raggedRowNamesTheLineAndTheHeader() {
    #expect(throws: DataError("2 fields, but the header has 3 columns (a, b, y)", file: "data.csv", line: 3)) {
        try load("a,b,y\n1,2,0\n3,1\n")
    }
}

@Test func emptyFileAndHeaderWithoutRowsAreErrors() {
    #expect(throws: DataError("the file is empty; a data set needs a header row and at least one data row", file: "data.csv")) {
        try load("")
    }
    #expect(throws: DataError("the file is empty; a data set needs a header row and at least one data row", file: "data.csv")) {
        try load("\n\r\n\n")
    }
    #expect(throws: DataError("the file has a header but no data rows", file: "data.csv")) { try load("a,b\n") }
}

@Test func missingTargetListsTheColumnsAndTheClosestName() {
    #expect(throws: DataError("no target column \"lable\"; did you mean \"label\"? Columns: a, b, label", file: "data.csv")) {
        try load("a,b,label\n1,2,0\n", target: "lable")
    }
    #expect(throws: DataError("no target column \"zzzzzz\" Columns: a, b", file: "data.csv")) {
        try load("a,b\n1,2\n", target: "zzzzzz")
    }
}

@Test func oneClassAndConstantTargetsAreErrors() {
    #expect(
        throws: DataError("every row has the same class \"cat\"; classification needs at least two classes", file: "data.csv", column: "y")
    ) { try load("a,y\n1,cat\n2,cat\n") }
    #expect(
        throws: DataError("every row has the same target value 2.5; a constant target leaves nothing to learn", file: "data.csv", column: "y")
    ) { try load("a,y\n1,2.5\n2,2.5\n", task: .regression) }
}

@Test func unclosedQuoteAndTextAfterAQuoteAreErrorsWithTheirLine() {
    #expect(throws: DataError("a quoted field opened on this line is never closed", file: "data.csv", line: 3)) {
        try load("a,b\n1,2\n1,\"2\n3,4\n")
    }
    #expect(
        throws: DataError(
            "unexpected text after a closing quote (a quote inside a quoted field is written twice: \"\")", file: "data.csv", line: 2,
            column: "a")
    ) { try load("a,b\n\"1\"x,2\n") }
}

@Test func duplicateColumnNamesAndASingleColumnAreErrors() {
    #expect(throws: DataError("column name \"a\" appears more than once in the header", file: "data.csv", line: 1)) {
        try load("a,a,y\n1,2,3\n")
    }
    #expect(throws: DataError.self) { try load("y\n1\n2\n") }
}

@Test func filesAreReadFromDiskAndAMissingFileIsAnError() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("goldilocks-data-\(UInt64.random(in: 0...UInt64.max)).csv")
    try "x,y\n1,2\n3,4\n".write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    let dataset = try CSVLoader().load(path: url.path)
    #expect(dataset.features == [1, 3])
    #expect(dataset.targets == [2, 4])
    do {
        _ = try CSVLoader().load(path: "/nonexistent/missing.csv")
        Issue.record("expected an error")
    } catch {
        #expect(error.description.hasPrefix("/nonexistent/missing.csv: cannot read the file"))
    }
}

@Test func wideFileLoadsWithEveryCellInPlace() throws {
    // 2000 rows × 100 features, cell (r, j) = (r·7 + j) mod 256, as in a pixel file.
    var text = (0..<100).map { "p\($0)" }.joined(separator: ",") + ",label\n"
    for row in 0..<2000 {
        text += (0..<100).map { String((row * 7 + $0) % 256) }.joined(separator: ",") + ",\(row % 10)\n"
    }
    let dataset = try load(text)
    #expect(dataset.count == 2000 && dataset.featureCount == 100)
    #expect(dataset.task == .classification(classes: 10))
    #expect(dataset.features[1999 * 100 + 99] == Float((1999 * 7 + 99) % 256))
    #expect(dataset.targets[1999] == 9)
}
