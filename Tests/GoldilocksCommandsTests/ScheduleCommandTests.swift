import ArgumentParser
import Foundation
import GoldilocksSchedules
import Testing

@testable import GoldilocksCommands

@Suite struct ScheduleCommandTests {
    private func render(_ arguments: [String]) throws -> String {
        let command = try #require(try GoldilocksCommand.parseAsRoot(["schedule"] + arguments) as? ScheduleCommand)
        return try command.render()
    }

    @Test func chartsRefuseMoreStepsThanTheyCanDrawButCSVStreamsAny() throws {
        let spec = #"{"name":"StepLR","lr":0.1,"step_size":3}"#
        #expect(throws: (any Error).self) {
            try GoldilocksCommand.parseAsRoot(["schedule", "--spec", spec, "--steps", "9223372036854775807", "--format", "svg"])
        }
        #expect(try GoldilocksCommand.parseAsRoot(["schedule", "--spec", spec, "--steps", "9223372036854775807"]) is ScheduleCommand)
    }

    @Test func aLongScheduleIsChartedFromABoundedSample() throws {
        let output = try render(["--spec", #"{"name":"CosineAnnealingWarmRestarts","lr":0.1,"T_0":1000}"#, "--steps", "1000000", "--format", "svg"])
        #expect(output.contains("<svg"))
        #expect(output.utf8.count < 400_000)
    }

    @Test func csvHasTheHeaderAndOneRowPerStep() throws {
        let output = try render(["--spec", #"{"name":"StepLR","lr":0.1,"step_size":2,"gamma":0.5}"#, "--steps", "5"])
        #expect(output == "step,lr\n0,0.1\n1,0.1\n2,0.05\n3,0.05\n4,0.025\n")
    }

    @Test func csvNumbersRoundTrip() throws {
        let output = try render(["--spec", #"{"name":"OneCycleLR","max_lr":0.1,"total_steps":20}"#, "--steps", "21"])
        let schedule = try makeSchedule(Spec(json: #"{"name":"OneCycleLR","max_lr":0.1,"total_steps":20}"#))
        let lrs = output.split(separator: "\n").dropFirst().map { Double($0.split(separator: ",")[1]) }
        #expect(lrs == (0..<21).map { schedule($0) })
    }

    @Test func jsonCarriesTheMomentumOfCyclingSchedules() throws {
        let output = try render(["--spec", #"{"name":"OneCycleLR","max_lr":1.0,"total_steps":10}"#, "--steps", "2", "--format", "json"])
        let rows = try JSONDecoder().decode([ScheduleRow].self, from: Data(output.utf8))
        #expect(rows.count == 2)
        #expect(rows[0].momentum == 0.95)  // max_momentum at the start, as PyTorch
        #expect(rows[0].lr == 0.040000000000000036)  // PyTorch's arithmetic for max_lr/25
    }

    @Test func metricsDriveReduceLROnPlateau() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("goldilocks-metrics-\(UUID()).txt")
        try "1\n1\n1\n1\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try render([
            "--spec", #"{"name":"ReduceLROnPlateau","lr":1,"patience":1}"#, "--steps", "5", "--metrics", file.path,
        ])
        #expect(output == "step,lr\n0,1.0\n1,1.0\n2,1.0\n3,0.1\n4,0.1\n")  // cut on the second bad metric
    }

    @Test func oneCyclePastTotalStepsIsAnError() {
        #expect(throws: SpecError.self) {
            try render(["--spec", #"{"name":"OneCycleLR","max_lr":0.1,"total_steps":10}"#, "--steps", "12"])
        }
    }

    @Test func textIsAChartThenATable() throws {
        let output = try render(["--spec", #"{"name":"constant","lr":0.5}"#, "--steps", "2", "--format", "text"])
        #expect(output.contains("Learning-rate schedule"))
        #expect(output.hasSuffix("step  lr\n0     0.5\n1     0.5\n"))
    }

    @Test func svgIsOneSelfContainedPicture() throws {
        let output = try render(["--spec", #"{"name":"StepLR","lr":0.1,"step_size":3}"#, "--steps", "10", "--format", "svg"])
        #expect(output.contains("<svg") && output.hasSuffix("</svg>\n"))
        #expect(output.contains("learning rate"))
        #expect(!output.contains("<script") && !output.contains("href=\"http"))
    }

    @Test func negativeStepsAreRejectedWhileParsing() {
        #expect(throws: (any Error).self) { try GoldilocksCommand.parseAsRoot(["schedule", "--spec", "{}", "--steps", "-1"]) }
    }

    @Test func helpListsEverySchedule() {
        let help = GoldilocksCommand.helpMessage(for: ScheduleCommand.self)
        for entry in ScheduleRegistry.standard.entries { #expect(help.contains(entry.name)) }
        #expect(help.contains("gamma=0.1"))
    }
}
