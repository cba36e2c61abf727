/// Any of the optimizers in a `Codable` box, so an `any Optimizer` (what `makeOptimizer` returns)
/// can be written to disk with its state and read back to continue exactly where it was.
public enum SavedOptimizer<Scalar: BinaryFloatingPoint & Sendable & Codable>: Sendable, Codable, Equatable {
    case sgd(SGD<Scalar>)
    case adam(Adam<Scalar>)
    case rmsprop(RMSprop<Scalar>)
    case adagrad(Adagrad<Scalar>)

    /// Boxes `optimizer`, or returns `nil` for an optimizer type defined outside this module.
    public init?(_ optimizer: any Optimizer<Scalar>) {
        switch optimizer {
        case let sgd as SGD<Scalar>: self = .sgd(sgd)
        case let adam as Adam<Scalar>: self = .adam(adam)
        case let rmsprop as RMSprop<Scalar>: self = .rmsprop(rmsprop)
        case let adagrad as Adagrad<Scalar>: self = .adagrad(adagrad)
        default: return nil
        }
    }

    /// The boxed optimizer, ready to step.
    public var optimizer: any Optimizer<Scalar> {
        switch self {
        case .sgd(let sgd): sgd
        case .adam(let adam): adam
        case .rmsprop(let rmsprop): rmsprop
        case .adagrad(let adagrad): adagrad
        }
    }
}
