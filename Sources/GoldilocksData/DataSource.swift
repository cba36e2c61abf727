import GoldilocksSpec
import Foundation

/// Where a data set comes from: a bundled set, a generator, or a CSV file — what a `DATA`
/// argument names.
public enum DataSource: Sendable, Equatable {
    /// A real data set shipped with Goldilocks.
    case bundled(BundledDataset)
    /// A synthetic data set made from the seed.
    case generated(GeneratedDataset)
    /// A CSV file with a header row.
    case file(path: String)

    /// Resolves `name`: a bundled name, a generator (with optional `:key=value,…`), else the path
    /// of an existing file; anything else is an error listing the names. Names win over files, so
    /// write `./iris` for a file called `iris`.
    public init(_ name: String) throws(DataError) {
        if let bundled = BundledDataset(rawValue: name) {
            self = .bundled(bundled)
        } else if let generated = try GeneratedDataset(parsing: name) {
            self = .generated(generated)
        } else if FileManager.default.fileExists(atPath: name) {
            self = .file(path: name)
        } else {
            throw .unknownDataset(name: name, closest: closestMatch(to: name, in: Self.names))
        }
    }

    /// Every bundled and generated name.
    public static var names: [String] { BundledDataset.allCases.map(\.rawValue) + GeneratedDataset.names }

    /// Loads the data set. `target` picks the target column of a file or bundled set (default: the
    /// last); `task` detects or forces the task; `seed` fixes a generated set.
    public func load(target: String? = nil, task: TaskChoice = .auto, seed: UInt64 = 0) throws(DataError) -> Dataset {
        switch self {
        case .bundled(let bundled):
            return try bundled.load(target: target, task: task)
        case .file(let path):
            return try CSVLoader(target: target, task: task).load(path: path)
        case .generated(let generated):
            let dataset = generated.generate(seed: seed)
            if let target, target != dataset.targetName {
                throw .generatedTarget(target: dataset.targetName, asked: target)
            }
            let isClassification = dataset.task != .regression
            if (task == .classification && !isClassification) || (task == .regression && isClassification) {
                throw .generatedTask(isClassification: isClassification, asked: task)
            }
            return dataset
        }
    }
}

/// Loads the data set `name` names: `digits`, `iris`, `wine`, `breast-cancer`, `spirals`, `moons`,
/// `blobs`, `regression` (optionally `moons:samples=500,noise=0.2`), or a CSV file's path.
///
/// - Parameters:
///   - target: the target column (default: the last).
///   - task: detect the task from the target, or force it.
///   - seed: fixes a generated data set.
public func loadDataset(_ name: String, target: String? = nil, task: TaskChoice = .auto, seed: UInt64 = 0) throws(DataError) -> Dataset {
    try DataSource(name).load(target: target, task: task, seed: seed)
}
