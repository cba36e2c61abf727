import Foundation
import GoldilocksData
import TestSupport
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
    expectError(
        DataError.badCell(file: "data.csv", line: 3, column: "b", value: "x"),
        reads: "data.csv, line 3, column \"b\": \"x\" is not a finite number; feature columns must be numeric (encode categories as numbers first, or make this column the target)"
    ) { _ = try load("a,b,y\n1,2,0\n3,x,1\n") }
}

@Test func lineNumbersCountBlankLinesAndLinesInsideQuotes() throws {
    // Line 1 header, 2 blank, 3 a row, 4–5 one row with a two-line label, 6 the bad cell.
    do {
        _ = try load("a,b,y\n\n1,2,cat\n3,4,\"big\ncat\"\n5,q,dog\n")
        Issue.record("expected an error")
    } catch {
        #expect(error == .badCell(file: "data.csv", line: 6, column: "b", value: "q"))
        #expect(error.description.hasPrefix("data.csv, line 6, column \"b\": \"q\" is not a finite number"))
    }
}

@Test(arguments: ["nan", "inf", "-infinity", "", "1e39", "1,5", "0x", "1 2"])
func nonFiniteEmptyOrMalformedFeaturesAreRejected(cell: String) {
    let quotedCell = "\"" + cell + "\""
    #expect(throws: DataError.self) { try load("a,y\n1,0\n\(quotedCell),1\n2,1\n") }
}

@Test func raggedRowNamesTheLineAndTheHeader() {
    expectError(
        DataError.raggedRow(file: "data.csv", line: 3, fields: 2, columns: ["a", "b", "y"]),
        reads: "data.csv, line 3: 2 fields, but the header has 3 columns (a, b, y)"
    ) { _ = try load("a,b,y\n1,2,0\n3,1\n") }
}

@Test func emptyFileAndHeaderWithoutRowsAreErrors() {
    let empty = "data.csv: the file is empty; a data set needs a header row and at least one data row"
    expectError(DataError.emptyFile(file: "data.csv"), reads: empty) { _ = try load("") }
    expectError(DataError.emptyFile(file: "data.csv"), reads: empty) { _ = try load("\n\r\n\n") }
    expectError(DataError.noRows(file: "data.csv"), reads: "data.csv: the file has a header but no data rows") {
        _ = try load("a,b\n")
    }
}

@Test func missingTargetListsTheColumnsAndTheClosestName() {
    expectError(
        DataError.missingTarget(file: "data.csv", target: "lable", columns: ["a", "b", "label"], closest: "label"),
        reads: "data.csv: no target column \"lable\"; did you mean \"label\"? Columns: a, b, label"
    ) { _ = try load("a,b,label\n1,2,0\n", target: "lable") }
    expectError(
        DataError.missingTarget(file: "data.csv", target: "zzzzzz", columns: ["a", "b"], closest: nil),
        reads: "data.csv: no target column \"zzzzzz\" Columns: a, b"
    ) { _ = try load("a,b\n1,2\n", target: "zzzzzz") }
}

@Test func oneClassAndConstantTargetsAreErrors() {
    expectError(
        DataError.singleClass(file: "data.csv", column: "y", label: "cat"),
        reads: "data.csv, column \"y\": every row has the same class \"cat\"; classification needs at least two classes"
    ) { _ = try load("a,y\n1,cat\n2,cat\n") }
    expectError(
        DataError.constantTarget(file: "data.csv", column: "y", value: "2.5"),
        reads: "data.csv, column \"y\": every row has the same target value 2.5; a constant target leaves nothing to learn"
    ) { _ = try load("a,y\n1,2.5\n2,2.5\n", task: .regression) }
}

@Test func unclosedQuoteAndTextAfterAQuoteAreErrorsWithTheirLine() {
    expectError(
        DataError.unclosedQuote(file: "data.csv", line: 3),
        reads: "data.csv, line 3: a quoted field opened on this line is never closed"
    ) { _ = try load("a,b\n1,2\n1,\"2\n3,4\n") }
    expectError(
        DataError.textAfterQuote(file: "data.csv", line: 2, column: "a"),
        reads: "data.csv, line 2, column \"a\": unexpected text after a closing quote (a quote inside a quoted field is written twice: \"\")"
    ) { _ = try load("a,b\n\"1\"x,2\n") }
}

@Test func duplicateColumnNamesAndASingleColumnAreErrors() {
    expectError(
        DataError.duplicateColumn(file: "data.csv", column: "a"),
        reads: "data.csv, line 1: column name \"a\" appears more than once in the header"
    ) { _ = try load("a,a,y\n1,2,3\n") }
    expectError(
        DataError.singleColumn(file: "data.csv", line: 1, column: "y"),
        reads: "data.csv, line 1: the header has one column (y); a data set needs at least one feature column and a target column"
    ) { _ = try load("y\n1\n2\n") }
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
