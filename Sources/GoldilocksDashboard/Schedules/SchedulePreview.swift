import GoldilocksPlots
import GoldilocksSchedules
import GoldilocksSpec

/// A schedule spec in any dialect (PyTorch, transformers, optax) and its curve: the numbers of
/// `goldilocks schedule`, from the same `ScheduleRows`.
public struct SchedulePreview: Encodable, Sendable {
    /// The request: the spec as JSON text, the number of steps, and the axis.
    public struct Request: Codable, Sendable {
        /// The spec, as JSON text in any dialect.
        public var spec: String
        /// Steps 0…steps-1 are computed.
        public var steps: Int
        /// A log axis (true), a linear one (false), or the figure's own choice (nil).
        public var logY: Bool?

        /// A request.
        public init(spec: String, steps: Int, logY: Bool? = nil) {
            self.spec = spec
            self.steps = steps
            self.logY = logY
        }

        enum CodingKeys: String, CodingKey {
            case spec, steps, logY = "log_y"
        }
    }

    /// The schedule's name as the spec gave it.
    public var name: String
    /// The number of steps computed.
    public var steps: Int
    /// The first rows (every row is drawn; these are for reading exact values).
    public var first: [ScheduleRow]
    /// The last row.
    public var last: ScheduleRow?
    /// The lowest and highest finite learning rates over every step.
    public var minimum: Double?
    public var maximum: Double?
    /// The curve.
    public var chart: ChartPayload

    /// Computes the rows of `request` (at most `stepLimit`); throws the spec's own error, which
    /// names the parameter to change.
    public init(_ request: Request, stepLimit: Int, maxPoints: Int) throws {
        guard request.steps <= stepLimit else {
            throw SpecError.outOfRange(
                owner: nil, parameter: "steps", requirement: "at most \(stepLimit) in the dashboard", value: "\(request.steps)")
        }
        let spec = try Spec(json: request.spec)
        let rows = try ScheduleRows(spec, steps: request.steps)
        var xs: [Double] = []
        var ys: [Double] = []
        var first: [ScheduleRow] = []
        var last: ScheduleRow?
        xs.reserveCapacity(min(request.steps, 1_000_000))
        ys.reserveCapacity(min(request.steps, 1_000_000))
        for row in rows {
            if first.count < 5 { first.append(row) }
            last = row
            xs.append(Double(row.step))
            ys.append(row.lr)
        }
        // Every step computed; the drawing keeps each bucket's extremes.
        let (x, y) = Thinning.keepingExtremes(x: xs, y: ys, maxPoints: maxPoints)
        let chart = Figures.learningRateSchedule(
            [(spec.name, x.map { Int($0) }, y)], logY: request.logY, title: "\(spec.name), \(request.steps) steps")
        name = spec.name
        steps = request.steps
        self.first = first
        self.last = last
        minimum = ys.filter(\.isFinite).min()
        maximum = ys.filter(\.isFinite).max()
        self.chart = ChartPayload(chart, maxPoints: maxPoints)
    }
}
