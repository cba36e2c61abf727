/// A rule could not make a suggestion: too few points after trimming, or an invalid option.
public enum SuggestionError: Error, CustomStringConvertible, Equatable, Sendable, Codable {
    /// After the library's trimming (`window` says how) the `steps`-step curve leaves `points`
    /// points, fewer than the `needed` the rule needs.
    case tooFewPoints(method: SuggestionMethod, points: Int, needed: Int, steps: Int, window: String)
    /// A rule option outside its range; `reason` names the option, its limit and the value.
    case invalidOption(method: SuggestionMethod, reason: String)

    /// The rule that failed.
    public var method: SuggestionMethod {
        switch self {
        case let .tooFewPoints(method, _, _, _, _), let .invalidOption(method, _): method
        }
    }

    /// What went wrong and what to do about it.
    public var description: String {
        switch self {
        case let .tooFewPoints(method, points, needed, steps, window):
            "\(method.rawValue) needs at least \(needed) points, but the \(steps)-step curve leaves \(points): \(window); record a longer range test"
        case let .invalidOption(method, reason):
            "\(method.rawValue): \(reason)"
        }
    }
}
