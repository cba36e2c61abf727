import Foundation
import GoldilocksData
import TestSupport
import Testing

@Test func namesResolveToBundledGeneratedOrFile() throws {
    #expect(try DataSource("iris") == .bundled(.iris))
    #expect(try DataSource("breast-cancer") == .bundled(.breastCancer))
    #expect(try DataSource("moons") == .generated(.moons(try Moons())))
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("goldilocks-source-\(UInt64.random(in: 0...UInt64.max)).csv").path
    try "a,y\n1,2\n3,4\n".write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(try DataSource(path) == .file(path: path))
    #expect(try loadDataset(path).targets == [2, 4])
}

@Test func unknownNameListsTheDataSets() {
    expectError(
        DataError.unknownDataset(name: "mons", closest: "moons"),
        reads: "unknown data set \"mons\": not a bundled or generated data set, and no such file; did you mean \"moons\"? "
            + "Bundled: digits, iris, wine, breast-cancer; generated: spirals, moons, blobs, regression "
            + "(with options such as moons:samples=500,noise=0.2)"
    ) { _ = try DataSource("mons") }
}

@Test func loadDatasetGivesEveryNamedSet() throws {
    #expect(try loadDataset("digits").count == 1797)
    #expect(try loadDataset("blobs", seed: 3).task == .classification(classes: 3))
    #expect(try loadDataset("regression").task == .regression)
    #expect(try loadDataset("spirals:samples=10", seed: 1).count == 10)
}

@Test func generatedSetsRefuseAnotherTargetOrTask() {
    expectError(
        DataError.generatedTask(isClassification: true, asked: .regression),
        reads: "this generated data set is for classification, not regression"
    ) { _ = try loadDataset("moons", task: .regression) }
    expectError(
        DataError.generatedTarget(target: "target", asked: "label"),
        reads: "a generated data set has one target column, \"target\", not \"label\""
    ) { _ = try loadDataset("moons", target: "label") }
}
