/// A playground request that cannot run, with what to change.
public struct PlaygroundError: Error, CustomStringConvertible, Sendable {
    private enum Reason: Sendable {
        case unknownProblem(String, valid: [String])
        case noLearningRates
        case tooManyRuns(Int, limit: Int)
        case badLearningRate(Double)
        case tooManySteps(Int, limit: Int, unit: String)
        case tooFewSteps(Int, unit: String)
        case badStart(count: Int, expected: Int)
        case tooManyCoordinates(Int, limit: Int)
        case networkTooLarge(layers: Int, widest: Int, maxLayers: Int, maxWidth: Int)
        case underlying(any Error & Sendable)
        case busy
    }

    private let reason: Reason
    private init(_ reason: Reason) { self.reason = reason }

    static func unknownProblem(_ name: String, valid: [String]) -> Self { .init(.unknownProblem(name, valid: valid)) }
    static let noLearningRates = Self(.noLearningRates)
    static func tooManyRuns(_ count: Int, limit: Int) -> Self { .init(.tooManyRuns(count, limit: limit)) }
    static func badLearningRate(_ rate: Double) -> Self { .init(.badLearningRate(rate)) }
    static func tooManySteps(_ steps: Int, limit: Int, unit: String) -> Self { .init(.tooManySteps(steps, limit: limit, unit: unit)) }
    static func tooFewSteps(_ steps: Int, unit: String) -> Self { .init(.tooFewSteps(steps, unit: unit)) }
    static func badStart(count: Int, expected: Int) -> Self { .init(.badStart(count: count, expected: expected)) }
    static func tooManyCoordinates(_ count: Int, limit: Int) -> Self { .init(.tooManyCoordinates(count, limit: limit)) }
    static func networkTooLarge(layers: Int, widest: Int, maxLayers: Int, maxWidth: Int) -> Self {
        .init(.networkTooLarge(layers: layers, widest: widest, maxLayers: maxLayers, maxWidth: maxWidth))
    }
    static func underlying(_ error: any Error & Sendable) -> Self { .init(.underlying(error)) }
    /// Every worker is busy with other runs; the request was not started.
    public static let busy = Self(.busy)

    /// Whether the server was too busy (503), rather than the request wrong (400).
    public var isBusy: Bool { if case .busy = reason { true } else { false } }

    public var description: String {
        switch reason {
        case .unknownProblem(let name, let valid):
            "unknown problem \"\(name)\"; choose one of \(valid.joined(separator: ", "))"
        case .noLearningRates:
            "give at least one learning rate"
        case .tooManyRuns(let count, let limit):
            "\(count) learning rates are more than the playground compares at once (at most \(limit))"
        case .badLearningRate(let rate):
            "a learning rate must be a positive finite number, not \(rate)"
        case .tooManySteps(let steps, let limit, let unit):
            "\(steps) \(unit) are more than one playground run takes (at most \(limit)); use `goldilocks` on the command line for longer runs"
        case .tooFewSteps(let steps, let unit):
            "the number of \(unit) must be at least 1, not \(steps)"
        case .badStart(let count, let expected):
            "the start has \(count) coordinate(s); this function takes \(expected)"
        case .tooManyCoordinates(let count, let limit):
            "a start of \(count) coordinates is more than the playground walks (at most \(limit)); use `goldilocks trajectory`"
        case .networkTooLarge(let layers, let widest, let maxLayers, let maxWidth):
            "a network of \(layers) hidden layer(s) up to \(widest) wide is larger than the playground trains "
                + "(at most \(maxLayers) layers of \(maxWidth)); use `goldilocks train` for it"
        case .underlying(let error):
            String(describing: error)
        case .busy:
            "the playground is busy with other runs; try again in a moment"
        }
    }
}
