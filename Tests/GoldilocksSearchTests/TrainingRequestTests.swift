import Foundation
import GoldilocksDiagnosis
import GoldilocksLogs
import Testing

@testable import GoldilocksSearch
import GoldilocksTraining

@Suite struct TrainingRequestTests {
    /// A fresh folder path (not created) for one test's logs.
    private func logPath(_ name: String = #function) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("goldilocks-training-tests")
            .appendingPathComponent(name.filter { $0.isLetter || $0.isNumber } + "-" + UUID().uuidString).path
    }

    private func iris(epochs: Int = 2) -> RunConfiguration {
        var configuration = RunConfiguration(data: "iris")
        configuration.epochs = epochs
        return configuration
    }

    private func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func theRequestedRateAndGuardAreTrainedAndTheReportEncodesAsTheSummary() throws {
        let request = TrainingRequest(.configuration(iris(), learningRate: .value(0.02), guardEnabled: false))
        let report = try request.run()
        #expect(report.configuration.learningRate == 0.02 && report.configuration.guardEnabled == false)
        #expect(report.summary.learningRate == 0.02)
        #expect(report.summary.epochs == 2 && report.history.steps.count == report.summary.steps)
        #expect(!report.interrupted && report.logFailure == nil && report.summary.autoSteps == nil)
        #expect(try json(report) == json(report.summary))
    }

    @Test func aRunDiagnosedByRerunningNamesItsReruns() throws {
        var progress: [String] = []
        let report = try TrainingRequest(.configuration(iris(), learningRate: nil, guardEnabled: true), diagnosesByRerunning: true)
            .run(notify: { notice in if case .rerunning(_, _, let rerun) = notice { progress.append(rerun) } })
        #expect(progress == ["seed +1", "seed +2", "×3", "×10", "÷10", "÷100", "÷10 from step 4"])
        #expect(report.summary.diagnosis?.reruns?.count == 7)
    }

    @Test func aStopDuringTheRerunsKeepsTheDiagnosisReadFromTheLog() throws {
        final class Flag: @unchecked Sendable { var raised = false }
        let stop = Flag()
        var ended: [String] = []
        let report = try TrainingRequest(.configuration(iris(), learningRate: nil, guardEnabled: true), diagnosesByRerunning: true)
            .run(stopRequested: { stop.raised }, notify: { notice in
                switch notice {
                case .rerunning: stop.raised = true  // Ctrl-C as the first rerun starts
                case .rerunsEnded(let reason): ended.append(reason)
                default: break
                }
            })
        #expect(ended == ["stopped before the reruns finished"])
        #expect(!report.interrupted)
        let diagnosis = try #require(report.summary.diagnosis)
        #expect(diagnosis.reruns == nil)
        #expect(diagnosis == (try diagnose(
            losses: report.history.steps.map(\.loss), learningRates: report.history.steps.map(\.learningRate),
            steps: report.history.steps.map(\.step), validation: report.history.validationCurve)))
    }

    @Test func aRunFileIsRepeatedAsLogged() throws {
        let folder = logPath()
        let first = try TrainingRequest(
            .configuration(iris(), learningRate: .value(0.05), guardEnabled: true), logDirectory: folder
        ).run()
        let again = try TrainingRequest(.runFile(folder + "/run.json")).run()
        #expect(again.configuration.learningRate == 0.05)
        #expect(again.summary.trainLoss == first.summary.trainLoss)
        #expect(again.summary.steps == first.summary.steps)
    }

    @Test func aThrowingReadyNoticeStopsBeforeAnyLogIsWritten() throws {
        struct Stop: Error {}
        let folder = logPath()
        var notices = 0
        #expect(throws: Stop.self) {
            let request = TrainingRequest(.configuration(iris(), learningRate: nil, guardEnabled: true), logDirectory: folder)
            _ = try request.run(notify: { notice in
                notices += 1
                if case .ready = notice { throw Stop() }
            })
        }
        #expect(notices == 1)
        #expect(!FileManager.default.fileExists(atPath: folder + "/run.json"))
    }

    @Test func aFolderInUseIsRefusedBeforeTheConfigurationIsRead() throws {
        let folder = logPath()
        let claim = try RunFolder(claiming: URL(fileURLWithPath: folder))
        defer { claim.release() }
        let error = #expect(throws: RunFolderError.self) {
            _ = try TrainingRequest(.runFile("/no/such/run.json"), logDirectory: folder).run()
        }
        guard case .inUse? = error else {
            Issue.record("expected inUse, got \(String(describing: error))")
            return
        }
    }

    @Test func aStopRequestEndsTheRunAndIsReported() throws {
        let report = try TrainingRequest(.configuration(iris(epochs: 5), learningRate: nil, guardEnabled: true))
            .run(stopRequested: { true })
        #expect(report.interrupted)
        #expect(report.summary.stoppedEarly == "interrupted at step 1 of 20")
    }
}
