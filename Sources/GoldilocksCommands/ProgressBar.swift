import Foundation
import GoldilocksTraining

/// A one-line progress bar on standard error, redrawn a few times a second; silent when standard
/// error is not a terminal (logs, pipes, CI) or when asked for JSON.
final class ProgressBar: TrainingCallback {
    private var totalSteps = 1, epochs = 1
    private var lastDraw = ContinuousClock.now - .seconds(1)
    private var epochLine = ""

    /// A progress bar, or nil where none should show.
    static func ifTerminal(_ enabled: Bool) -> ProgressBar? {
        enabled && isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
    }

    func runStarted(totalSteps: Int, epochs: Int) {
        self.totalSteps = max(totalSteps, 1)
        self.epochs = epochs
    }

    func stepEnded(_ record: StepRecord) -> TrainingDecision {
        let now = ContinuousClock.now
        guard now - lastDraw > .milliseconds(100) else { return .continue }
        lastDraw = now
        let done = Double(record.step + 1) / Double(totalSteps)
        let width = 30, filled = Int(done * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let line = "epoch \(record.epoch + 1)/\(epochs) \(bar) \(Int(done * 100))%  loss \(formatted(record.loss))  lr \(formatted(record.learningRate))\(epochLine)"
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        return .continue
    }

    func epochEnded(_ record: EpochRecord) -> TrainingDecision {
        if let loss = record.validationLoss { epochLine = "  val \(formatted(loss))" }
        return .continue
    }

    func runEnded(_ summary: TrainingSummary) {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
