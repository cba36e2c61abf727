/// A network that cannot be built as asked, with what to change.
public enum NetworkError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Fewer than two widths (an input and an output), or a width below 1.
    case widths([Int])
    /// Scratch memory for fewer than one row.
    case capacity(Int)

    /// What went wrong and what to change, ready to print.
    public var description: String {
        switch self {
        case .widths(let widths) where widths.count < 2:
            "a network needs an input and an output width, not \(widths); give at least two widths"
        case .widths(let widths): "every layer width must be at least 1, not \(widths)"
        case .capacity(let rows): "a workspace needs room for at least one row, not \(rows)"
        }
    }
}
