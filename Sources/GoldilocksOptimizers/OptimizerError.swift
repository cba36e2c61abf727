import GoldilocksSpec

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
    /// A parameter group index the optimizer does not have.
    case noGroup(Int, count: Int)

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
        case .noGroup(let index, let count):
            "there is no parameter group \(index): the optimizer has \(count) (0..<\(count))"
        case .bufferSize(let expected, let parameters, let gradients):
            "the optimizer was made for \(expected) parameters but was given \(parameters) parameters and \(gradients) gradients"
        }
    }
}

extension OptimizerError {
    /// The same failure as an error of the spec that asked for it (`owner`: the optimizer's name),
    /// so that reading a spec throws only `SpecError`.
    func specError(owner: String?) -> SpecError {
        switch self {
        case .parameterCount(let count):
            .outOfRange(owner: owner, parameter: "the parameter count", requirement: "0 or more", value: "\(count)")
        case .groupOutside(let range, let count): .groupOutsideParameters(group: range, parameterCount: count)
        case .groupsOverlap(let a, let b): .groupsOverlap(a, b)
        case .invalid(let name, let value): .invalidHyperparameter(optimizer: owner ?? "optimizer", what: name, value: value)
        case .nesterovWithoutMomentum, .bufferSize, .noGroup: .inconsistent(owner: owner, reason: description)
        }
    }
}
