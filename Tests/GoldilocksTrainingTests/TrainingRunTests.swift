import Foundation
import GoldilocksCore
import GoldilocksData
import GoldilocksDiagnosis
import GoldilocksSpec
import GoldilocksTraining
import TestSupport
import Testing
import TrainingTestSupport

/// An evaluation: 20 epochs on digits (59 s unoptimised).
@Test(.tags(.long), .optimizedOnly) func digitsTrainsAboveNinetyFivePercentValidationAccuracy() throws {
    // The bundled scikit-learn digits (1797 8×8 images), 20% held out, Adam at its default 1e-3.
    var configuration = RunConfiguration(data: "digits")
    configuration.epochs = 20
    let (summary, history) = try TrainingSetup(configuration).train()
    #expect(summary.validationAccuracy! > 0.95, "validation accuracy \(summary.validationAccuracy!)")
    #expect(history.epochs.count == 20)
    #expect(history.epochs.last!.trainLoss < history.epochs.first!.trainLoss / 5)
}

@Test func theSameConfigurationGivesTheSameRun() throws {
    var configuration = RunConfiguration(data: "iris")
    configuration.epochs = 5
    let first = try TrainingSetup(configuration).train().history.steps.map(\.loss)
    let second = try TrainingSetup(configuration).train().history.steps.map(\.loss)
    #expect(first == second)
    configuration.seed = 1
    #expect(try TrainingSetup(configuration).train().history.steps.map(\.loss) != first)
}

@Test func aScheduleShorterThanTheRunIsAConfigurationError() throws {
    var configuration = RunConfiguration(data: "iris")
    configuration.epochs = 10
    configuration.schedule = try Spec(json: #"{"name":"OneCycleLR","max_lr":0.01,"total_steps":20}"#)
    // iris: 120 training rows, 4 batches of 32 per epoch, 40 steps; OneCycleLR with total_steps
    // 20 is defined up to step 20 (PyTorch raises after it), so for 21 steps.
    let expected = ConfigurationError.scheduleTooShort(schedule: "OneCycleLR", steps: 21, runSteps: 40, epochs: 10, stepsPerEpoch: 4)
    #expect(throws: expected) { try TrainingSetup(configuration) }
    #expect(
        expected.description
            == "OneCycleLR is defined for 21 steps but this run takes 40 (10 epochs × 4 batches): set its total_steps to 40")
}

@Test func badConfigurationsAreClearErrors() throws {
    var configuration = RunConfiguration(data: "iris")
    configuration.batchSize = 0
    #expect(throws: ConfigurationError.batchSizeTooSmall(0)) { try TrainingSetup(configuration) }
    configuration = RunConfiguration(data: "no-such-data-set")
    #expect(throws: (any Error).self) { try TrainingSetup(configuration) }
    configuration = RunConfiguration(data: "iris")
    configuration.optimizer = Spec(name: "Adamm")
    do {
        _ = try TrainingSetup(configuration)
        Issue.record("an unknown optimizer was accepted")
    } catch {
        #expect("\(error)".contains("did you mean \"Adam\"?"))
    }
}

@Test func reduceOnPlateauCutsTheRateWhenValidationStalls() throws {
    var configuration = RunConfiguration(data: "iris")
    configuration.epochs = 60
    configuration.learningRate = 0.05
    configuration.schedule = try Spec(json: #"{"name":"ReduceLROnPlateau","patience":2,"factor":0.5}"#)
    let (_, history) = try TrainingSetup(configuration).train()
    let rates = history.epochs.map(\.learningRate)
    #expect(rates.first == 0.05)
    #expect(rates.last! < 0.05, "the plateau never cut the rate: \(rates)")
    #expect(zip(rates, rates.dropFirst()).allSatisfy { $1 <= $0 })
}

@Test func runConfigurationRoundTripsThroughRunJSON() throws {
    var configuration = RunConfiguration(data: "wine")
    configuration.schedule = try Spec(json: #"{"name":"StepLR","step_size":3,"gamma":0.5}"#)
    configuration.learningRate = 0.01
    let data = try JSONEncoder().encode(configuration)
    #expect(try JSONDecoder().decode(RunConfiguration.self, from: data) == configuration)
}

@Test func aRegressionTargetInTheHundredThousandsTrainsWhenStandardisedAndReportsLossesInItsUnits() throws {
    var configuration = RunConfiguration(data: try housePrices())
    configuration.epochs = 30
    let setup = try TrainingSetup(configuration)
    let scaler = try #require(setup.data.targetStandardizer)
    #expect(scaler.mean > 2e5 && scaler.mean < 4e5 && scaler.scale > 1e5)
    #expect(abs(setup.data.train.targets.reduce(0, +) / Float(setup.data.train.count)) < 1e-3)
    let (summary, history) = try setup.train()
    // In the target's units: the first batches sit near its variance (~5e10), the end far below.
    #expect(history.steps[0].loss > 1e10)
    let validation = try #require(summary.validationLoss)
    #expect(validation < 0.02 * scaler.lossScale, "validation MSE \(validation) against variance \(scaler.lossScale)")

    configuration.standardizeTarget = false
    let raw = try TrainingSetup(configuration)
    #expect(raw.data.targetStandardizer == nil)
    #expect(try #require(raw.train().summary.validationLoss) > 0.5 * scaler.lossScale)
}

@Test func aRunJSONWithoutTheNewerKeysTakesTheirDefaults() throws {
    let configuration = try JSONDecoder().decode(RunConfiguration.self, from: Data(#"{"data":"iris","epochs":3}"#.utf8))
    #expect(configuration.epochs == 3)
    #expect(configuration.standardizeTarget)
    #expect(configuration.batchSize == 32)
}

@Test func theSummaryReportsTheRateTheGuardLeftTheRunAt() throws {
    // lr 10 on iris: the guard rescues the run (÷10 each time); final_lr is what it ended at.
    var configuration = RunConfiguration(data: "iris")
    configuration.learningRate = 10
    configuration.epochs = 5
    let (summary, _) = try TrainingSetup(configuration).train()
    #expect(summary.rescues > 0)
    #expect(summary.learningRate == 10)
    let expected = 10 * pow(0.1, Double(summary.rescues))
    #expect(abs((summary.finalLearningRate ?? 0) - expected) <= 1e-12 * expected)
    let json = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
    #expect(json.contains(#""lr":10"#) && json.contains(#""final_lr":"#))
    // The diagnosis's fix names the rate it applies to.
    if let diagnosis = summary.diagnosis, diagnosis.learningRateFactor != 1 {
        #expect(diagnosis.fix.contains("lowered from 10 during the run"), "\(diagnosis.fix)")
    }
}
