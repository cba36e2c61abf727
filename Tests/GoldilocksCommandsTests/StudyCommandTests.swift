import Foundation
import GoldilocksTraining
import GoldilocksTuning
import Testing

@Suite("goldilocks tune and study")
struct StudyCommandTests {
    @Test func studyExportsTheBestTrialsRunForTrainConfig() async throws {
        let folder = try temporaryFolder()
        let storage = "sqlite:" + folder.appendingPathComponent("study.db").path
        let tune = ["tune", "--data", "iris", "--epochs", "3", "--model", "8", "--study", "iris", "--trials", "3",
                    "--sampler", "grid", "--pruner", "none", "--storage", storage, "--format", "json"]
        #expect(await exitStatus(tune).status == 0)
        let best = folder.appendingPathComponent("best.json")
        #expect(await exitStatus(["study", "--storage", storage, "--study", "iris", "--format", "csv", "--best-config", best.path]).status == 0)
        let run = try RunConfiguration.read(from: best.path)
        #expect(run.data == "iris" && run.epochs == 3 && run.hiddenLayers == [8])
        #expect([1e-5, 1e-5 * 1e5.squareRoot(), 1].contains { abs(($0 - (run.learningRate ?? 0)) / $0) < 1e-9 })
        #expect(await exitStatus(["train", "--config", best.path, "--format", "json"]).status == 0)
        // Another study name is bad input (65) naming the ones there are; so is a study of the
        // same name with other settings, and a study without validation data.
        let (status, text) = await exitStatus(["study", "--storage", storage, "--study", "wine"])
        #expect(status == 65 && text.contains("iris"))
        var other = tune
        other[other.firstIndex(of: "3")!] = "4"
        let (otherStatus, otherText) = await exitStatus(other)
        #expect(otherStatus == 65 && otherText.contains("other settings"))
        var unvalidatedTune = tune
        unvalidatedTune[unvalidatedTune.firstIndex(of: "--study")! + 1] = "iris-unvalidated"
        let unvalidated = await exitStatus(unvalidatedTune + ["--validation-split", "0"])
        #expect(unvalidated.status == 65 && unvalidated.text.contains("validation"))
    }

    @Test func theBestConfigStopsAtTheBestEpochAndTrainEndsAtTheTrialsValue() async throws {
        let folder = try temporaryFolder()
        let storage = "sqlite:" + folder.appendingPathComponent("study.db").path
        // High constant rates on iris: the validation loss is lowest before the last epoch.
        #expect(await exitStatus(["tune", "--data", "iris", "--epochs", "8", "--model", "8", "--study", "iris", "--trials", "2",
                                  "--sampler", "grid", "--pruner", "none", "--lr-range", "0.3,1", "--schedules", "constant",
                                  "--storage", storage]).status == 0)
        let best = folder.appendingPathComponent("best.json")
        #expect(await exitStatus(["study", "--storage", storage, "--study", "iris", "--best-config", best.path]).status == 0)
        let run = try RunConfiguration.read(from: best.path)
        #expect(run.epochs < 8, "the best epoch is the last: the test shows nothing")
        let logs = folder.appendingPathComponent("run")
        #expect(await exitStatus(["train", "--config", best.path, "--log-dir", logs.path, "--format", "json"]).status == 0)
        let lastRow = try String(contentsOf: logs.appendingPathComponent("epochs.csv"), encoding: .utf8)
            .split(separator: "\n").last.map { $0.split(separator: ",") }
        let finalLoss = try #require(lastRow.flatMap { Double(String($0[3])) })
        let studies = try openStudyStorage(url: storage)
        let trials = try studies.trials(ofStudy: try studies.study(named: "iris").id)
        let value = try #require(trials.compactMap(\.value).min())
        #expect(finalLoss == value)
    }
}
