import Foundation

/// A learning rate suggested by one rule, with the point of the curve it came from.
public struct Suggestion: Sendable, Codable, Equatable {
    /// The rule that made this suggestion.
    public var method: SuggestionMethod
    /// The suggested learning rate. Equal to `lrs[index]` except for `minimum` (a tenth of it)
    /// and `slide` (times its adjust value).
    public var lr: Double
    /// The index, in the original curve, of the point the rule picked.
    public var index: Int
    /// The loss at the plotted point: `losses[index]`, or for `slide` the loss interpolated at
    /// `lr` on a log axis, as fastai plots it.
    public var loss: Double

    /// A suggestion; see the properties.
    public init(method: SuggestionMethod, lr: Double, index: Int, loss: Double) {
        self.method = method
        self.lr = lr
        self.index = index
        self.loss = loss
    }
}

extension Suggestion: CustomStringConvertible {
    /// One line for people: `valley: 3.2e-3 (middle of the longest descent, step 50)`.
    public var description: String {
        "\(method.rawValue): \(Suggestion.abbreviated(lr)) (\(method.rationale), step \(index))"
    }

    /// A learning rate in two significant digits for people, `3.2e-3` (not for round-tripping).
    public static func abbreviated(_ value: Double) -> String {
        let text = String(format: "%.1e", value)
        guard let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]) else { return text }
        return "\(text[..<e])e\(exponent)"
    }
}
