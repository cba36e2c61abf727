import Foundation
import GoldilocksData
import Testing
import TestSupport

@Test func fitsOnTrainingRowsAndAppliesTheSameStatisticsElsewhere() throws {
    // Column 0: mean 2, population std 1; column 1 is constant (10), so its scale is 1.
    let train = try Dataset(features: [1, 10, 3, 10], targets: [0, 1], featureCount: 2, task: .classification(classes: 2))
    let standardizer = Standardizer(fittedTo: train)
    #expect(standardizer.means == [2, 10])
    #expect(standardizer.scales == [1, 1])
    #expect(try standardizer.applied(to: train).features == [-1, 0, 1, 0])
    let other = try Dataset(features: [5, 7], targets: [0], featureCount: 2, task: .classification(classes: 2))
    #expect(try standardizer.applied(to: other).features == [3, -3])
}

@Test func standardizedTrainingFeaturesHaveMeanZeroAndUnitDeviation() throws {
    var wine = try BundledDataset.wine.load()
    try Standardizer(fittedTo: wine).apply(to: &wine)
    for j in 0..<wine.featureCount {
        let column = (0..<wine.count).map { Double(wine.features[$0 * wine.featureCount + j]) }
        let mean = column.reduce(0, +) / Double(column.count)
        let variance = column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(column.count)
        expectClose(mean, 0, atol: 1e-5)
        expectClose(variance, 1, rtol: 1e-5)
    }
}

@Test func constantColumnsStayFiniteAndTheStatisticsRoundTripThroughJSON() throws {
    let data = try Dataset(features: [0.1, 0.1, 0.1], targets: [1, 2, 3], featureCount: 1, task: .regression)
    let standardizer = Standardizer(fittedTo: data)
    #expect(try standardizer.applied(to: data).features.allSatisfy { $0.isFinite })
    let decoded = try JSONDecoder().decode(Standardizer.self, from: JSONEncoder().encode(standardizer))
    #expect(decoded == standardizer)
}

@Test func mismatchedStatisticsAndRowsAreErrorsNotTraps() throws {
    expectError(DataError.standardizerShape(means: 2, scales: 1), reads: "a standardizer needs one mean and one scale per feature, not 2 means and 1 scales") {
        _ = try Standardizer(means: [0, 1], scales: [1])
    }
    let data = try Dataset(features: [1, 2, 3], targets: [0, 1, 0], featureCount: 1, task: .classification(classes: 2))
    expectError(DataError.standardizerWidth(fitted: 2, features: 1), reads: "the standardizer was fitted to 2 features, but the data has 1") {
        _ = try Standardizer(means: [0, 0], scales: [1, 1]).applied(to: data)
    }
    expectError(DataError.noRow(3, count: 3), reads: "there is no row 3: the data set has 3 (0..<3)") { _ = try data.rows([0, 3]) }
    #expect(try data.rows([2, 0]).features == [3, 1])
}
