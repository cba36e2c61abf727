/// PyTorch's `torch.lerp(start, end, weight)` with its two-sided formula, so results round alike:
/// `start + weight·(end − start)` when `|weight| < 0.5`, else `end − (end − start)·(1 − weight)`.
@inline(__always)
func lerp<Scalar: BinaryFloatingPoint>(_ start: Scalar, _ end: Scalar, _ weight: Scalar) -> Scalar {
    abs(weight) < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight)
}
