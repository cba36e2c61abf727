import GoldilocksFinder
import GoldilocksLandscapes
import GoldilocksOptimizers
import GoldilocksPlots
import GoldilocksSearch
import GoldilocksSpec
import GoldilocksTraining

/// "Find my learning rate": the range test on the playground's problem, with each rule's
/// suggestion marked on the curve.
public struct PlaygroundRangeTestResult: Encodable, Sendable {
    /// One rule's suggestion.
    public struct Pick: Encodable, Sendable, Equatable {
        /// The rule's name (`valley`, `steep`, …).
        public var method: String
        /// The learning rate it suggests.
        public var lr: Double
        /// Why the rule picks it.
        public var rationale: String
    }

    /// Each rule's suggestion.
    public var suggestions: [Pick]
    /// Whether the test stopped early because the loss diverged (the usual end).
    public var stoppedEarly: Bool
    /// The curve with the suggestions marked.
    public var chart: ChartPayload

    enum CodingKeys: String, CodingKey {
        case suggestions, stoppedEarly = "stopped_early", chart
    }
}

extension Playground {
    /// Runs fastai's range test (1e-7 to 10 over 100 steps, every rule) on this playground's
    /// problem with its optimizer: on a function, one walk from the start whose learning rate
    /// grows each step; on data, the network's `LearningRateFinder`, weights restored.
    /// Blocks: call it off the server's threads.
    public func rangeTest() throws(PlaygroundError) -> PlaygroundRangeTestResult {
        let lrs: [Double]
        let losses: [Double]
        let suggestions: [Suggestion]
        let stoppedEarly: Bool
        do {
            switch problem {
            case .parabola, .landscape(_):
                let function: LandscapeFunction = if case .landscape(let f) = problem { f } else { .quadratic }
                let landscape = try function.landscape(dimension: start.count)
                var walker: any Optimizer<Double> = try makeOptimizer(optimizer, parameterCount: start.count)
                var position = start
                let result = try RangeTest().run { (lr: Double) throws(OptimizerError) -> Double in
                    walker.learningRates = Array(repeating: lr, count: walker.learningRates.count)
                    try walker.step(parameters: &position, gradients: landscape.gradient(at: position))
                    return landscape.value(at: position)
                }
                (lrs, losses, suggestions, stoppedEarly) = (result.lrs, result.smoothedLosses, result.suggestions, result.stoppedEarly)
            case .data(let name):
                guard let data else { throw PlaygroundError.unknownProblem(name, valid: []) }
                var configuration = Self.configuration(
                    name, request: request, optimizer: optimizer, epochs: steps, layers: request.hiddenLayers ?? [32])
                configuration.schedule = nil
                let setup = try TrainingSetup(configuration, data: data)
                let result = try LearningRateFinder().run(on: setup)
                (lrs, losses, suggestions) = (result.lrs, result.median, result.suggestions)
                stoppedEarly = result.repeats.contains(where: \.stoppedEarly)
            }
        } catch let error as PlaygroundError {
            throw error
        } catch {
            throw .underlying(error)
        }
        let chart = Figures.rangeTest(
            learningRates: lrs, losses: losses, suggestions: suggestions.map { ($0.method.rawValue, $0.lr) },
            title: "Range test on \(request.problem) (\(optimizer.name))")
        return PlaygroundRangeTestResult(
            suggestions: suggestions.map { PlaygroundRangeTestResult.Pick(method: $0.method.rawValue, lr: $0.lr, rationale: $0.method.rationale) },
            stoppedEarly: stoppedEarly, chart: ChartPayload(chart))
    }
}
