import Foundation
import ArgumentParser
import GoldilocksCore
import GoldilocksOptimizers
import GoldilocksTraining

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure training throughput.",
        subcommands: [MLPBench.self])
}

struct MLPBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlp",
        abstract: "Train an MLP on synthetic data and report samples per second.",
        discussion: """
            The data: X ~ N(0, 1) and labels argmax(X·W) for a fixed random W. Only training is \
            timed. scripts/bench-vs-pytorch runs the same workload in PyTorch for comparison. \
            The limits of `goldilocks train --help` apply, and the data may take at most 250 \
            million numbers (samples × input width).

            Example:
              goldilocks bench mlp --layers 784,256,128,10 --batch-size 128 --samples 60000 --epochs 1 --optimizer adam --format json
            """)

    @Option(help: "Layer widths from input to output, comma-separated.")
    var layers: String = "784,256,128,10"

    @Option(parsing: .unconditional, help: "Samples per mini-batch.")
    var batchSize: Int = 128

    @Option(parsing: .unconditional, help: "Synthetic samples to make and train on.")
    var samples: Int = 60000

    @Option(parsing: .unconditional, help: "Passes over the samples.")
    var epochs: Int = 1

    @Option(help: "Optimizer: a name (sgd, adam, …) or a JSON spec such as {\"name\":\"Adam\",\"lr\":0.001}.")
    var optimizer: String = "adam"

    @Option(help: "Matrix products: built-in (the default on CPUs with AVX2/FMA) or blas (OpenBLAS, when installed).")
    var backend: BackendChoice = MatrixBackend.preferred == .blas ? .blas : .builtIn

    @Option(parsing: .unconditional, help: "Seed of the data and the initial weights.")
    var seed: UInt64 = 0

    @Option(help: "text or json.")
    var format: TextOrJSON = .text

    func validate() throws {
        let widths = try parseWidths(layers, option: "--layers")
        guard widths.count >= 2 else { throw ValidationError("--layers needs at least an input and an output width") }
        guard batchSize > 0, samples > 0, epochs > 0 else {
            throw ValidationError("--batch-size, --samples and --epochs must be positive")
        }
        // The same limits as training (RunLimits), checked before the synthetic data is made.
        do {
            try RunLimits.check(widths: widths, option: "--layers")
            try RunLimits.check(batchSize: batchSize)
            try RunLimits.check(epochs: epochs, stepsPerEpoch: TrainingSetup.stepsPerEpoch(rows: samples, batchSize: batchSize))
        } catch {
            throw ValidationError(error.description)
        }
        let (values, overflow) = samples.multipliedReportingOverflow(by: widths[0])
        if overflow || values > RunLimits.maximumBatchActivations {
            throw ValidationError(
                "--samples: the synthetic data (samples × input width) may take at most "
                    + "\(RunLimits.maximumBatchActivations) numbers (1 GB); \(samples) × \(widths[0]) is more")
        }
        if backend == .blas && !MatrixBackend.blasAvailable {
            throw ValidationError("--backend blas: no OpenBLAS found (install libopenblas0, or use --backend built-in)")
        }
    }

    func run() throws {
        let benchmark = try MLPBenchmark(
            layers: try parseWidths(layers, option: "--layers"), batchSize: batchSize, samples: samples, epochs: epochs, seed: seed)
        let data = try benchmark.makeData()
        let spec = try readOptimizerSpec(optimizer)
        var model = 0
        for l in 1..<benchmark.layers.count { model += (benchmark.layers[l - 1] + 1) * benchmark.layers[l] }
        let optimizer = try makeOptimizer(spec, parameterCount: model, as: Float.self)
        let result = try benchmark.run(on: data, optimizer: optimizer, backend: backend.matrixBackend)
        if format == .json { return try printJSON(result) }
        print(
            """
            \(formatted(result.samplesPerSecond)) samples/s (\(formatted(result.gigaflops)) GFLOP/s) over \
            \(samples * epochs) samples in \(formatted(result.seconds)) s; final loss \(formatted(result.loss)); \
            peak memory \(Int(result.peakMemoryMB)) MB; \(result.backend)
            """)
    }
}

/// The matrix-product backend, as a command-line choice.
enum BackendChoice: String, ExpressibleByArgument, CaseIterable {
    case blas, builtIn = "built-in"

    var matrixBackend: MatrixBackend { self == .blas ? .blas : .builtIn }
}

/// Parses "784,256,10" into positive layer widths.
func parseWidths(_ text: String, option: String) throws -> [Int] {
    try text.split(separator: ",", omittingEmptySubsequences: false).map { item in
        guard let width = Int(item.trimmingCharacters(in: .whitespaces)), width > 0 else {
            throw ValidationError("\(option): \"\(item)\" is not a positive whole number (give widths such as 64,32)")
        }
        return width
    }
}
