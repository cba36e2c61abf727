import GoldilocksDiagnosis
import GoldilocksLogs
import GoldilocksPlots
import GoldilocksTraining

/// The runs view of one or several runs: each run's diagnosis and the guard's rescues, and charts
/// of the loss and learning rate per step and the validation loss per epoch, runs overlaid.
public struct RunsView: Encodable, Sendable {
    /// One run as the view shows it.
    public struct RunSummary: Encodable, Sendable {
        /// The run's name in the listing.
        public var name: String
        /// Steps of training loss read.
        public var steps: Int
        /// The last training loss, when finite.
        public var lastLoss: Double?
        /// The diagnosis, or why there is none.
        public var verdict: String?
        public var symptom: String?
        public var fix: String?
        public var confidence: String?
        /// The steps at which the guard rescued the run.
        public var rescues: [Int]
        /// What the reader left out and why.
        public var notes: [String]
        /// Why the run could not be read, if it could not.
        public var error: String?

        enum CodingKeys: String, CodingKey {
            case name, steps, lastLoss = "last_loss", verdict, symptom, fix, confidence, rescues, notes, error
        }
    }

    /// The runs, in the order asked.
    public var runs: [RunSummary]
    /// The training loss per step, runs overlaid, rescues marked.
    public var loss: ChartPayload
    /// The learning rate per step, when logged.
    public var learningRate: ChartPayload?
    /// The validation loss at its own cadence (per epoch), when logged.
    public var validation: ChartPayload?

    enum CodingKeys: String, CodingKey {
        case runs, loss, learningRate = "lr", validation
    }

    /// Reads `runs` (each at most `byteLimit` bytes of files) and draws them; `smoothing` in
    /// 0..<1 smooths the drawn loss forwards and backwards, so the curve is not shifted, and the
    /// raw loss stays drawn beneath it.
    public init(_ runs: [LogRun], logY: Bool, smoothing: Double, byteLimit: Int, maxPoints: Int) {
        var summaries: [RunSummary] = []
        var logs: [(name: String, log: LossLog, rescues: [Int])] = []
        for run in runs {
            let bytes = RunDirectory.files(of: run).reduce(0) { $0 + $1.size }
            guard bytes <= byteLimit else {
                summaries.append(RunSummary(
                    name: run.name, steps: 0, rescues: [], notes: [],
                    error: "the run's files hold \(bytes) bytes, more than the dashboard reads (\(byteLimit)); use `goldilocks diagnose`"))
                continue
            }
            do {
                let log = try run.read()
                let rescueLog = try? run.read(column: "guard_rescue")
                let rescues = rescueLog.flatMap { $0.loss.name.hasSuffix("guard_rescue") ? $0.loss.steps : nil } ?? []
                var summary = RunSummary(
                    name: run.name, steps: log.steps.count, lastLoss: log.values.last.flatMap { $0.isFinite ? $0 : nil },
                    rescues: rescues, notes: log.notes)
                do {
                    let diagnosis = try log.diagnosis()
                    summary.verdict = diagnosis.verdict.rawValue
                    summary.symptom = diagnosis.symptom
                    summary.fix = diagnosis.fix
                    summary.confidence = diagnosis.confidence.rawValue
                } catch {
                    summary.symptom = "no diagnosis: \(error)"
                }
                summaries.append(summary)
                logs.append((run.name, log, rescues))
            } catch {
                summaries.append(RunSummary(name: run.name, steps: 0, rescues: [], notes: [], error: "\(error)"))
            }
        }
        self.runs = summaries
        loss = ChartPayload(Self.lossChart(logs, logY: logY, smoothing: smoothing), maxPoints: maxPoints)
        let rates = logs.compactMap { entry in entry.log.learningRate.map { (entry.name, $0) } }
        learningRate = rates.isEmpty ? nil : ChartPayload(
            Figures.learningRateSchedule(rates.map { ($0.0, $0.1.steps, $0.1.values) }, title: "Learning rate per step"),
            maxPoints: maxPoints)
        let validations = logs.compactMap { entry in entry.log.validation.map { (entry.name, $0) } }
        if validations.isEmpty {
            validation = nil
        } else {
            var chart = Figures.lossCurves(
                validations.map { ($0.0, $0.1.steps, $0.1.values) }, logY: logY ? nil : false, title: "Validation loss")
            chart.series = chart.series.map { var s = $0; s.style = .lineAndPoints; return s }
            validation = ChartPayload(chart, maxPoints: maxPoints)
        }
    }

    private static func lossChart(_ logs: [(name: String, log: LossLog, rescues: [Int])], logY: Bool, smoothing: Double) -> Chart {
        let positive = logs.allSatisfy { $0.log.values.allSatisfy { !$0.isFinite || $0 > 0 } }
        let markers = logs.flatMap { entry in
            entry.rescues.map { Marker.vertical(at: Double($0), label: "rescue (\(entry.name))") }
        }
        var chart = Figures.lossCurves(
            logs.map { ($0.name, $0.log.steps, $0.log.values) }, events: markers, logY: logY && positive,
            title: logs.count == 1 ? "Training loss: \(logs[0].name)" : "Training loss, \(logs.count) runs")
        if smoothing > 0 {
            let raw = chart.series.enumerated().map { index, s in
                Series(name: "", x: s.x, y: s.y, color: Palette.color(index) + "44")
            }
            let smooth = chart.series.enumerated().map { index, s in
                var smoothed = zeroPhase(s, weight: smoothing)
                smoothed.color = Palette.color(index)
                return smoothed
            }
            chart.series = raw + smooth
        }
        return chart
    }

    /// The library's debiased moving average run forwards, then backwards over the result: the
    /// lags cancel, so a drop shows at the step it happened, and every point is kept.
    static func zeroPhase(_ series: Series, weight: Double) -> Series {
        let forward = series.smoothed(weight: weight)
        var reversed = forward
        reversed.y = forward.y.reversed()
        var backward = reversed.smoothed(weight: weight)
        backward.y = backward.y.reversed()
        return backward
    }
}
