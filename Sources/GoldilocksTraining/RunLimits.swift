/// The largest run Goldilocks agrees to start, checked before anything is allocated.
///
/// A mistyped number (`--epochs 4611686018427387904`, `--model 100000,100000`) must end in a
/// message, not in an overflow trap or a 40 GB allocation. The limits sit far above any run a
/// small CPU network makes sense for:
/// - a layer at most 65,536 wide, at most 1,000 hidden layers;
/// - at most 100 million parameters (400 MB of weights; the gradient and Adam's two moments take
///   as much again each);
/// - a mini-batch of at most 1,000,000 samples, and one batch's activations (rows per batch ×
///   the sum of the layer widths) at most 250 million numbers (1 GB);
/// - at most 10 million optimizer steps in a run (epochs × batches per epoch): the run keeps
///   every step's record (about 64 bytes) for the diagnosis and the chart.
public enum RunLimits {
    /// The widest layer, input and output included.
    public static let maximumWidth = 65_536
    /// The most hidden layers.
    public static let maximumHiddenLayers = 1_000
    /// The most parameters (weights and biases) in a network.
    public static let maximumParameters = 100_000_000
    /// The largest mini-batch.
    public static let maximumBatchSize = 1_000_000
    /// The most numbers one batch's activations may take.
    public static let maximumBatchActivations = 250_000_000
    /// The most optimizer steps in one run.
    public static let maximumSteps = 10_000_000

    /// Checks what can be checked before the data is loaded: the hidden widths, their parameters,
    /// the batch size and the epochs (a run has at least one batch per epoch).
    public static func check(hiddenLayers: [Int], batchSize: Int, epochs: Int) throws(RunLimitError) {
        try check(widths: hiddenLayers, option: "--model", what: "hidden layer")
        if hiddenLayers.count > maximumHiddenLayers {
            throw .tooManyLayers(hiddenLayers.count)
        }
        try check(batchSize: batchSize)
        try check(epochs: epochs, stepsPerEpoch: 1)
    }

    /// Checks layer widths (from input to output, or the hidden ones alone) and the parameters
    /// they make.
    public static func check(widths: [Int], option: String, what: String = "layer") throws(RunLimitError) {
        if let wide = widths.first(where: { $0 > maximumWidth }) {
            throw .tooWide(option: option, what: what, width: wide)
        }
        guard let count = parameterCount(widths), count <= maximumParameters else {
            throw .tooManyParameters(option: option, count: parameterCount(widths))
        }
    }

    /// Checks the mini-batch size.
    public static func check(batchSize: Int) throws(RunLimitError) {
        if batchSize > maximumBatchSize {
            throw .batchTooLarge(batchSize)
        }
    }

    /// Checks the run's optimizer steps, `epochs × stepsPerEpoch`.
    public static func check(epochs: Int, stepsPerEpoch: Int) throws(RunLimitError) {
        let (steps, overflow) = epochs.multipliedReportingOverflow(by: max(stepsPerEpoch, 1))
        guard overflow || steps > maximumSteps else { return }
        throw .tooManySteps(epochs: epochs, stepsPerEpoch: stepsPerEpoch, steps: overflow ? nil : steps)
    }

    /// Checks a network of `widths` (input to output) trained on batches of `rows` rows: its
    /// parameters and one batch's activations.
    public static func check(widths: [Int], batchRows rows: Int) throws(RunLimitError) {
        try check(widths: widths, option: "--model")
        let sum = widths.dropFirst().reduce(0) { $0 &+ $1 }
        let (values, overflow) = sum.multipliedReportingOverflow(by: rows)
        if overflow || values > maximumBatchActivations {
            throw .batchActivationsTooMany(rows: rows, units: sum)
        }
    }

    /// Weights and biases of an MLP with these widths, or nil when the count overflows `Int`.
    public static func parameterCount(_ widths: [Int]) -> Int? {
        var total = 0
        for l in widths.indices.dropFirst() {
            let (inputs, o1) = widths[l - 1].addingReportingOverflow(1)
            let (layer, o2) = inputs.multipliedReportingOverflow(by: widths[l])
            let (sum, o3) = total.addingReportingOverflow(layer)
            if o1 || o2 || o3 { return nil }
            total = sum
        }
        return total
    }

    /// 100000000 as "100,000,000": limits are easier to read grouped.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }
}
