import ArgumentParser
import Foundation
import GoldilocksFinder
import Testing

@testable import GoldilocksCommands

@Suite("goldilocks suggest")
struct SuggestCommandTests {
    /// A fastai-like range test: 100 steps from 1e-7, a descent around 1e-3, NaN after step 90.
    static func writeCurve() throws -> (path: String, curve: RangeTestCurve) {
        let lrs = (0..<100).map { 1e-7 * pow(1e8, Double($0) / 100) }
        let losses = lrs.enumerated().map { i, lr in
            i >= 90 ? Double.nan : 2.3 - 2 / (1 + exp(-3 * (log10(lr) + 3))) + exp(2.5 * (log10(lr) + 0.5))
        }
        let text = "lr,loss\n" + zip(lrs, losses).map { "\($0),\($1.isNaN ? "nan" : $1.description)" }.joined(separator: "\n")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("suggest-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, try RangeTestCurve(lrs: lrs, losses: losses))
    }

    struct Row: Decodable, Equatable {
        let method: String
        let lr: Double
        let index: Int
    }

    @Test func jsonWithAMethodIsOneObjectEqualToTheLibrarysSuggestion() throws {
        let (path, curve) = try Self.writeCurve()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let command = try SuggestCommand.parse([path, "--method", "valley", "--format", "json"])
        let row = try JSONDecoder().decode(Row.self, from: Data(try command.output().text.utf8))
        let expected = try curve.suggest(.valley)
        #expect(row == Row(method: "valley", lr: expected.lr, index: expected.index))
    }

    @Test func jsonWithoutAMethodListsEveryRuleThatCouldSuggest() throws {
        let (path, curve) = try Self.writeCurve()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let command = try SuggestCommand.parse([path, "--format", "json", "--num-it", "100"])
        let rows = try JSONDecoder().decode([Row].self, from: Data(try command.output().text.utf8))
        let expected = curve.suggestions(options: .init(numIterations: 100)).suggestions
        #expect(rows == expected.map { Row(method: $0.method.rawValue, lr: $0.lr, index: $0.index) })
        #expect(rows.map(\.method) == SuggestionMethod.allCases.map(\.rawValue))
    }

    @Test func textSaysWhichLearningRateEachRuleSuggestsAndWhy() throws {
        let (path, curve) = try Self.writeCurve()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = try SuggestCommand.parse([path]).output().text
        let valley = try curve.suggest(.valley)
        #expect(text.contains("valley: \(Suggestion.abbreviated(valley.lr)) (middle of the longest descent"))
        #expect(text.contains("steepest: "))
        #expect(text.contains("100 steps"))
    }

    @Test func aRuleThatCannotSuggestIsAnErrorWithAMethodAndANoteWithout() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("short-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let rows = (0..<12).map { "\(1e-5 * pow(10, Double($0) / 3)),\(3 - Double($0) / 10)" }
        try ("lr,loss\n" + rows.joined(separator: "\n")).write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: SuggestionError.self) { try SuggestCommand.parse([path, "--method", "steepest"]).output() }
        let report = try SuggestCommand.parse([path, "--format", "json"]).output()
        #expect(report.notes.contains { $0.contains("steepest needs at least 2 points") })
        #expect(report.notes.contains { $0.contains("slide needs at least 16 points") })
    }

    @Test func aBadCellIsReportedWithFileLineAndColumn() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "lr,loss\n0.001,2\n0.01,two\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try SuggestCommand.parse([path]).output()
            Issue.record("no error")
        } catch let error as CurveError {
            #expect(error.description == "\(path):3: column 2 (loss): \"two\" is not a number (write nan for a missing loss)")
        }
    }

    @Test func unknownMethodsAndNegativeNumItAreRejectedWhileParsing() {
        #expect(throws: (any Error).self) { try SuggestCommand.parse(["c.csv", "--method", "valey"]) }
        #expect(throws: (any Error).self) { try SuggestCommand.parse(["c.csv", "--num-it", "-3"]) }
        #expect(throws: (any Error).self) { try SuggestCommand.parse(["c.csv", "--format", "csv"]) }
    }

    @Test func theRootCommandRoutesSuggest() throws {
        let command = try GoldilocksCommand.parseAsRoot(["suggest", "c.csv", "--method", "steep"])
        let suggest = try #require(command as? SuggestCommand)
        #expect(suggest.method == .steep)
    }
}

@Suite("goldilocks suggest reads curves as users have them")
struct SuggestInputTests {
    private func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("curve-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private static let lrs = (0..<40).map { 1e-6 * pow(10, Double($0) / 6) }
    private static let losses = lrs.map { 2.3 - 1 / (1 + exp(-2 * (log10($0) + 3))) }

    @Test(arguments: [
        ("learning_rate,loss", "learning_rate", "loss"), ("lrs,losses", "lrs", "losses"),
        ("step,lr,loss,smoothed_loss", "lr", "smoothed_loss"), ("Learning Rate,smooth_loss", "Learning Rate", "smooth_loss"),
    ])
    func theUsualColumnNamesAreFound(header: String, lrColumn: String, lossColumn: String) throws {
        let columns = header.split(separator: ",").map(String.init)
        let rows = zip(Self.lrs, Self.losses).enumerated().map { k, pair in
            columns.map { name in name == lrColumn ? "\(pair.0)" : name == lossColumn ? "\(pair.1)" : name == "step" ? "\(k)" : "\(pair.1 + 0.5)" }
                .joined(separator: ",")
        }
        let path = try write(([header] + rows).joined(separator: "\n"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = try SuggestCommand.parse([path, "--method", "valley", "--format", "json"]).output()
        let expected = try RangeTestCurve(lrs: Self.lrs, losses: Self.losses).suggest(.valley)
        #expect(report.text.contains("\"lr\":\(expected.lr)"), "\(report.text)")
        if header != "lr,loss" {
            #expect(report.notes.contains("note: read the learning rate from \"\(lrColumn)\" and the loss from \"\(lossColumn)\""))
        }
    }

    @Test func columnsCanBeNamed() throws {
        let rows = zip(Self.lrs, Self.losses).map { "\($0),\($1),9" }
        let path = try write((["lr_0,my_loss,other"] + rows).joined(separator: "\n"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: CurveError.self) { try SuggestCommand.parse([path]).output() }
        let report = try SuggestCommand.parse([path, "--lr-column", "lr_0", "--loss-column", "my_loss", "--method", "valley"]).output()
        #expect(report.text.hasPrefix("valley: "))
        do {
            _ = try SuggestCommand.parse([path, "--lr-column", "nope"]).output()
            Issue.record("no error")
        } catch let error as CurveError {
            #expect(error.description.contains("no column \"nope\" (--lr-column); the header has lr_0,my_loss,other"))
        }
    }

    @Test func aNaNCutIsNotedOnStandardError() throws {
        let losses = Self.losses.enumerated().map { $0 == 30 ? Double.nan : $1 }
        let path = try write("lr,loss\n" + zip(Self.lrs, losses).map { "\($0),\($1)" }.joined(separator: "\n"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = try SuggestCommand.parse([path]).output()
        #expect(report.notes.contains("note: the curve has a NaN at row 31 of 40; fastai's rules read only the 30 rows before it"), "\(report.notes)")
    }

    @Test func aFallingLearningRateIsAnError() throws {
        let path = try write("lr,loss\n" + zip(Self.lrs.reversed(), Self.losses).map { "\($0),\($1)" }.joined(separator: "\n"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try SuggestCommand.parse([path]).output()
            Issue.record("no error")
        } catch let error as CurveError {
            #expect(error.description.hasPrefix("\(path):3: column 1 (lr): the learning rate falls from"))
            #expect(error.description.contains("a range test's learning rate rises at every step"))
        }
    }
}
