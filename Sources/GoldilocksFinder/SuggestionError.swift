/// A rule could not make a suggestion: too few points after trimming, or an invalid option.
public struct SuggestionError: Error, CustomStringConvertible, Equatable, Sendable, Codable {
    /// The rule that failed.
    public let method: SuggestionMethod
    /// The points the rule had after trimming (0 for an invalid option).
    public let points: Int
    /// The points the rule needs (0 for an invalid option).
    public let needed: Int
    /// What went wrong and what to do about it.
    public let description: String

    init(method: SuggestionMethod, points: Int, needed: Int, description: String) {
        self.method = method
        self.points = points
        self.needed = needed
        self.description = description
    }

    static func invalidOption(_ method: SuggestionMethod, _ message: String) -> SuggestionError {
        SuggestionError(method: method, points: 0, needed: 0, description: "\(method.rawValue): \(message)")
    }
}
