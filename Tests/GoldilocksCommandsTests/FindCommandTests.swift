import ArgumentParser
import Foundation
import GoldilocksFinder
import Testing

@testable import GoldilocksCommands

@Suite("goldilocks find")
struct FindCommandTests {
    struct Output: Decodable {
        let suggestions: [String: Double]
        let curve: [[Double?]]
        let stopped_early: Bool
        let notes: [String]
    }

    static let small = ["--data", "iris", "--model", "16", "--num-it", "60"]

    @Test func jsonHasSuggestionsTheCurveAndWhetherItStoppedEarly() throws {
        let command = try FindCommand.parse(Self.small + ["--format", "json"])
        let output = try JSONDecoder().decode(Output.self, from: Data(try command.output().utf8))
        let result = try command.result()
        #expect(output.curve.count == result.lrs.count)
        #expect(output.curve.map { $0[0] } == result.lrs)
        #expect(output.suggestions["valley"] == result.suggestion(.valley)?.lr)
        #expect(output.stopped_early == result.repeats[0].stoppedEarly)
    }

    @Test func nonFiniteLossesAreNullInJSONAndShortCurvesGiveNotes() throws {
        // SGD up to 1e6 on unscaled regression targets overflows within a few steps.
        let command = try FindCommand.parse([
            "--data", "regression", "--model", "8", "--optimizer", "sgd", "--start-lr", "1e-3", "--end-lr", "1e6",
            "--num-it", "60", "--format", "json",
        ])
        let output = try JSONDecoder().decode(Output.self, from: Data(try command.output().utf8))
        #expect(output.stopped_early)
        #expect(output.curve.count < 60)
        #expect(!output.notes.isEmpty || output.curve.last?[1] == nil)
    }

    @Test func csvHasOneRowPerStep() throws {
        let command = try FindCommand.parse(Self.small + ["--format", "csv"])
        let lines = try command.output().split(separator: "\n")
        #expect(lines.first == "lr,loss,raw_loss")
        #expect(lines.count == (try command.result()).lrs.count + 1)
    }

    @Test func textWithRepeatsShowsTheSpreadOfEachRule() throws {
        let text = try FindCommand.parse(Self.small + ["--repeats", "2"]).output()
        #expect(text.contains("2 repeats, median curve"))
        #expect(text.contains("valley: "))
        #expect(text.contains("repeats spread ×"))
    }

    @Test func svgDrawsTheCurveWithEverySuggestionMarked() throws {
        let svg = try FindCommand.parse(Self.small + ["--format", "svg"]).output()
        #expect(svg.contains("<svg") && svg.contains("learning rate (log)"))
        #expect(svg.contains("valley "))
    }

    @Test func badSweepsAreRejectedWithAMessage() throws {
        #expect(throws: (any Error).self) { try FindCommand.parse(Self.small + ["--end-lr", "1e-9"]).output() }
        #expect(throws: (any Error).self) { try FindCommand.parse(Self.small + ["--repeats", "0"]).output() }
    }
}
