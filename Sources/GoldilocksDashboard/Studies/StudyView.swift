import GoldilocksPlots

/// A study as Optuna users know it: the optimisation history, the learning rate against the
/// value on log axes, and the intermediate values with pruned trials greyed out.
public struct StudyView: Encodable, Sendable {
    public var study: String
    public var trials: [StudyTrial]
    /// The best complete trial (lowest value).
    public var best: StudyTrial?
    public var history: ChartPayload
    public var learningRate: ChartPayload
    public var intermediate: ChartPayload

    enum CodingKeys: String, CodingKey {
        case study, trials, best, history, learningRate = "lr", intermediate
    }

    /// The grey of pruned and failed trials.
    static let grey = "#b0b0b0"

    /// Draws `trials` of `study`; `logY` puts values on a log axis where all are positive.
    public init(study: String, trials: [StudyTrial], logY: Bool, maxPoints: Int) {
        self.study = study
        self.trials = trials
        let complete = trials.filter { $0.state == .complete && $0.value?.isFinite == true }
        best = complete.min { ($0.value ?? .infinity) < ($1.value ?? .infinity) }
        let values = trials.compactMap(\.value).filter(\.isFinite)
        let logValues = logY && !values.isEmpty && values.allSatisfy { $0 > 0 }
        let valueScale: Scale = logValues ? .log : .linear

        // History: each complete trial's value, and the best so far.
        var bestSoFar: [Double] = []
        for trial in complete { bestSoFar.append(min(bestSoFar.last ?? .infinity, trial.value ?? .infinity)) }
        let history = Chart(
            title: "Optimisation history", xLabel: "trial", yLabel: "value", yScale: valueScale,
            series: [
                Series(name: "value", x: complete.map { Double($0.number) }, y: complete.compactMap(\.value), style: .points),
                Series(name: "best so far", x: complete.map { Double($0.number) }, y: bestSoFar),
            ])
        self.history = ChartPayload(history, maxPoints: maxPoints)

        // The learning rate against the value: complete trials in colour, pruned ones grey.
        let withRate = trials.filter { $0.learningRate.map { $0 > 0 && $0.isFinite } == true && $0.value?.isFinite == true }
        let pruned = withRate.filter { $0.state != .complete }
        let done = withRate.filter { $0.state == .complete }
        var rateSeries = [Series(name: "complete", x: done.compactMap(\.learningRate), y: done.compactMap(\.value), style: .points)]
        if !pruned.isEmpty {
            rateSeries.append(Series(
                name: "pruned", x: pruned.compactMap(\.learningRate), y: pruned.compactMap(\.value), style: .points, color: Self.grey))
        }
        learningRate = ChartPayload(
            Chart(
                title: "Learning rate against value", xLabel: "learning rate (log)", yLabel: "value", xScale: .log,
                yScale: valueScale, series: rateSeries),
            maxPoints: maxPoints)

        // Intermediate values: one line per trial, the pruned ones grey and drawn first, beneath.
        let ordered = trials.filter { $0.state != .complete } + trials.filter { $0.state == .complete }
        var namedPruned = false
        var namedComplete = false
        let lines = ordered.compactMap { trial -> Series? in
            guard !trial.intermediateValues.isEmpty else { return nil }
            let isComplete = trial.state == .complete
            // Only the first line of each kind is named, so the legend has two entries, not one per trial.
            var name = ""
            if isComplete && !namedComplete { name = "complete trials"; namedComplete = true }
            if !isComplete && !namedPruned { name = "pruned (grey)"; namedPruned = true }
            return Series(
                name: name, x: trial.intermediateValues.map { Double($0.step) }, y: trial.intermediateValues.map(\.value),
                color: isComplete ? Palette.color(trial.number % Palette.series.count) : Self.grey)
        }
        let allIntermediate = trials.flatMap { $0.intermediateValues.map(\.value) }.filter(\.isFinite)
        let logIntermediate = logY && !allIntermediate.isEmpty && allIntermediate.allSatisfy { $0 > 0 }
        intermediate = ChartPayload(
            Chart(
                title: "Intermediate values", xLabel: "step", yLabel: "value", yScale: logIntermediate ? .log : .linear,
                series: lines),
            maxPoints: maxPoints)
    }
}
