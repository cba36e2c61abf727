import GoldilocksCore
import GoldilocksData
import GoldilocksNetworks
import GoldilocksOptimizers

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Training throughput of an MLP on synthetic data, the workload `goldilocks bench mlp` and
/// `scripts/bench-vs-pytorch` time in both Goldilocks and PyTorch.
///
/// The data: X ~ N(0, 1), labels `argmax(X · W)` for a fixed random W, so the task is learnable
/// and the loss must fall. Only training is timed, not making the data.
public struct MLPBenchmark: Sendable {
    /// The layer widths from input to output.
    public let layers: [Int]
    /// Rows per mini-batch.
    public let batchSize: Int
    /// Synthetic rows to make and train on.
    public let samples: Int
    /// Passes over the rows.
    public let epochs: Int
    /// The seed of the data, the initial weights and the batch order (each its own stream).
    public let seed: UInt64

    /// A benchmark; throws unless there are at least two positive layer widths, a batch size and a
    /// sample count of at least 1, and no negative epoch count.
    public init(layers: [Int], batchSize: Int, samples: Int, epochs: Int, seed: UInt64 = 0) throws(TrainingError) {
        guard layers.count >= 2 && layers.allSatisfy({ $0 > 0 }) else { throw .network(.widths(layers)) }
        guard batchSize >= 1 else { throw .batchSize(batchSize) }
        guard samples >= 1 else { throw .emptyData }
        guard epochs >= 0 else { throw .epochs(epochs) }
        self.layers = layers
        self.batchSize = batchSize
        self.samples = samples
        self.epochs = epochs
        self.seed = seed
    }

    /// What one benchmark run measured.
    public struct Result: Sendable, Codable {
        public var samplesPerSecond: Double
        public var seconds: Double
        /// The mean training loss of the last epoch.
        public var loss: Double
        /// Floating-point operations per second of the matrix products (2 per multiply-add).
        public var gigaflops: Double
        /// The process's peak resident memory, in megabytes.
        public var peakMemoryMB: Double
        public var backend: String

        enum CodingKeys: String, CodingKey {
            case samplesPerSecond = "samples_per_sec", seconds, loss, gigaflops = "gflops"
            case peakMemoryMB = "peak_rss_mb", backend
        }
    }

    /// The synthetic classification data set.
    public func makeData() throws(DataError) -> Dataset {
        var generator = SeededGenerator(seed: seed, purpose: .trainingData)
        let inputs = layers[0], classes = layers[layers.count - 1]
        var features = [Float](repeating: 0, count: samples * inputs)
        for i in stride(from: 0, to: features.count, by: 2) {
            let (a, b) = generator.nextNormalPair()
            features[i] = Float(a)
            if i + 1 < features.count { features[i + 1] = Float(b) }
        }
        let teacher = (0..<inputs * classes).map { _ in Float(generator.nextNormal()) }
        var scores = [Float](repeating: 0, count: samples * classes)
        gemm(.none, .none, m: samples, n: classes, k: inputs, alpha: 1, features, lda: inputs, teacher, ldb: classes, beta: 0, &scores, ldc: classes)
        let targets = (0..<samples).map { row -> Float in
            let slice = scores[(row * classes)..<((row + 1) * classes)]
            return Float((slice.indices.max { slice[$0] < slice[$1] } ?? row * classes) - row * classes)
        }
        return try Dataset(features: features, targets: targets, featureCount: inputs, task: .classification(classes: classes))
    }

    /// Trains a fresh network on `data` with `optimizer` and times it; throws when the layers,
    /// the data and the optimizer do not fit together.
    public func run(on data: Dataset, optimizer: any Optimizer<Float>, backend: MatrixBackend = .preferred) throws(TrainingError) -> Result {
        var generator = SeededGenerator(seed: seed, purpose: .initialWeights)
        let model: MLP<Float>
        do {
            model = try MLP<Float>(widths: layers, activation: .relu, generator: &generator)
        } catch {
            throw .network(error)
        }
        let trainer = Trainer(model: model, optimizer: optimizer)
        trainer.backend = backend
        var batchOrder = SeededGenerator(seed: seed, purpose: .batchOrder)
        let summary = try trainer.fit(data, epochs: epochs, batchSize: batchSize, generator: &batchOrder)
        let trained = Double(samples * epochs)
        // Forward: one multiply-add per weight; backward: two, less the first layer's input gradient.
        let multiplyAdds = Double(3 * model.multiplyAddsPerSample - model.layers[0].weightCount)
        return Result(
            samplesPerSecond: trained / summary.seconds, seconds: summary.seconds, loss: summary.trainLoss,
            gigaflops: 2 * multiplyAdds * trained / summary.seconds / 1e9, peakMemoryMB: peakResidentMegabytes(),
            backend: backend.description)
    }
}

/// The peak resident set size of this process so far.
public func peakResidentMegabytes() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
        getrusage(RUSAGE_SELF, &usage)
    #endif
    #if canImport(Darwin)
        return Double(usage.ru_maxrss) / 1_048_576  // bytes on Darwin
    #else
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
    #endif
}
