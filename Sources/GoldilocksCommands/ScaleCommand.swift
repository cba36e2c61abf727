import ArgumentParser
import GoldilocksSchedules

extension BatchSizeScalingRule: ExpressibleByArgument {}

/// `goldilocks scale`: the learning rate for a new batch size.
struct ScaleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scale",
        abstract: "The learning rate for a new batch size (linear or square-root scaling rule).",
        discussion: """
            linear: lr × new/old (Goyal et al. 2017, "Accurate, Large Minibatch SGD"), for SGD.
            sqrt: lr × √(new/old) (Krizhevsky 2014; Hoffer et al. 2017), for adaptive optimizers such as Adam.
            Example: goldilocks scale --lr 0.1 --batch-size 256 --new-batch-size 1024
            """
    )

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(parsing: .unconditional, help: "The learning rate that works at --batch-size.")
    var lr: Double

    @Option(parsing: .unconditional, help: "The batch size that learning rate was tuned for.")
    var batchSize: Int

    @Option(parsing: .unconditional, help: "The batch size you want to train with.")
    var newBatchSize: Int

    @Option(help: "linear (SGD) or sqrt (Adam and other adaptive optimizers).")
    var rule: BatchSizeScalingRule = .linear

    @Option(help: "text or json.")
    var format: Format = .text

    func validate() throws {
        guard lr > 0, lr.isFinite else { throw ValidationError("--lr: a learning rate must be a positive number, not \(formatted(lr))") }
    }

    func run() throws {
        print(try render(), terminator: "")
    }

    /// The whole output, ending with a newline.
    func render() throws -> String {
        let scaled = try scaledLearningRate(lr, batchSize: batchSize, newBatchSize: newBatchSize, rule: rule)
        switch format {
        case .json:
            return """
                {"lr":\(scaled),"rule":"\(rule.rawValue)","base_lr":\(lr),"batch_size":\(batchSize),"new_batch_size":\(newBatchSize)}

                """
        case .text:
            let factor = rule == .linear ? "\(newBatchSize)/\(batchSize)" : "√(\(newBatchSize)/\(batchSize))"
            return "\(scaled)\n\(rule.reference): \(lr) × \(factor)\n"
        }
    }
}
