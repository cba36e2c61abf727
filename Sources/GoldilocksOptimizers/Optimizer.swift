/// An optimizer that updates one flat, contiguous parameter buffer, PyTorch's `optimizer.step()`.
///
/// A model keeps all its parameters in one buffer; parameter groups are contiguous ranges of it,
/// each with its own hyper-parameters. State (moments, accumulators) lives in flat buffers of the
/// same layout. An optimizer is a value: a copy is a snapshot that can be restored.
public protocol Optimizer<Scalar>: Sendable {
    associatedtype Scalar: BinaryFloatingPoint & Sendable

    /// The learning rate of each parameter group, in group order. Read every step, so a
    /// schedule changes it between steps as PyTorch's schedulers change `group["lr"]`.
    var learningRates: [Double] { get set }

    /// The momentum that cycling schedules drive (SGD/RMSprop `momentum`, Adam's `beta1`) in each
    /// group; setting it on an optimizer without one does nothing.
    var momenta: [Double?] { get set }

    /// One update of `parameters` from `gradients` (both the full flat buffer). Allocates nothing
    /// when `parameters` is not shared with a copy. Throws when either has another length than
    /// the optimizer was made for.
    mutating func step(parameters: inout [Scalar], gradients: [Scalar]) throws(OptimizerError)
}
