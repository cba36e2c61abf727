/// An optimizer that cannot be made or stepped as asked, with what to change.
public enum OptimizerError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A negative parameter count.
    case parameterCount(Int)
    /// A parameter group reaching outside the flat buffer.
    case groupOutside(Range<Int>, parameterCount: Int)
    /// Two parameter groups sharing parameters.
    case groupsOverlap(Range<Int>, Range<Int>)
    /// A hyper-parameter PyTorch's constructor rejects; `name` is PyTorch's wording for it
    /// (`learning rate`, `momentum value`, `beta parameter at index 0`, …).
    case invalid(name: String, value: Double)
    /// Nesterov momentum without momentum, or with dampening.
    case nesterovWithoutMomentum
    /// Parameters or gradients of another length than the optimizer was made for.
    case bufferSize(expected: Int, parameters: Int, gradients: Int)

    /// What went wrong and what to change, ready to print.
    public var description: String {
        switch self {
        case .parameterCount(let count): "the parameter count must not be negative, not \(count)"
        case .groupOutside(let range, let count):
            "parameter group \(range.lowerBound)..<\(range.upperBound) is outside the \(count) parameters"
        case .groupsOverlap(let a, let b):
            "parameter groups \(a.lowerBound)..<\(a.upperBound) and \(b.lowerBound)..<\(b.upperBound) overlap"
        case .invalid(let name, let value): "Invalid \(name): \(value)"
        case .nesterovWithoutMomentum: "Nesterov momentum requires a momentum and zero dampening"
        case .bufferSize(let expected, let parameters, let gradients):
            "the optimizer was made for \(expected) parameters but was given \(parameters) parameters and \(gradients) gradients"
        }
    }
}
