extension Series {
    /// The series smoothed by a debiased exponential moving average (TensorBoard's slider, without
    /// its faults): `m_n = w·m_{n−1} + (1−w)·v_n`, shown as `m_n / (1 − wⁿ)`, computed as
    /// `s_n = s_{n−1} + (1−w)/(1−wⁿ) · (v_n − s_{n−1})` so a constant series stays exactly constant
    /// (no spikes on a flat learning rate) and the first value is not pulled toward zero.
    /// Non-finite values stay gaps and do not enter the average; every point is kept.
    ///
    /// - Parameter weight: `w` in 0..<1; 0 leaves the series unchanged.
    public func smoothed(weight: Double = 0.6) -> Series {
        let w = min(max(weight, 0), 0.999_999)
        var result = self
        var s = 0.0
        var n = 0.0
        var wPower = 1.0
        for (i, v) in y.enumerated() {
            guard v.isFinite else { continue }
            n += 1
            wPower *= w
            s = n == 1 ? v : s + (1 - w) / (1 - wPower) * (v - s)
            result.y[i] = s
        }
        return result
    }
}
