/// A PyTorch scheduler: besides its closed form, it knows PyTorch's recursive update.
///
/// `scheduler.step()` in PyTorch calls `get_lr()`, which for most schedulers rescales the
/// learning rate the optimizer holds now (StepLR: `lr * gamma` at each multiple of `step_size`).
/// Alone and fresh this equals the closed form `callAsFunction(_:)`; composed in a
/// `ChainedScheduler`, the factors multiply, and only the recursion gives PyTorch's numbers.
public protocol PyTorchScheduler: LearningRateSchedule {
    /// PyTorch's `get_lr()` at epoch `epoch`, given `current`, the learning rate the optimizer
    /// holds before this scheduler's update (epoch 0 is the construction's initial step).
    ///
    /// The default is the closed form, right for schedulers whose `get_lr()` ignores the current
    /// learning rate (LambdaLR and so transformers' schedules, CyclicLR, OneCycleLR,
    /// CosineAnnealingWarmRestarts).
    func learningRate(at epoch: Int, current: Double) -> Double
}

extension PyTorchScheduler {
    public func learningRate(at epoch: Int, current: Double) -> Double { self(epoch) }
}
