import Foundation

/// The real data sets shipped with Goldilocks, exported from scikit-learn (see `Bundled/README.md`
/// for sources, licences and columns). All are classification sets with a `target` column.
public enum BundledDataset: String, Sendable, Codable, CaseIterable {
    /// 1797 8×8 images of handwritten digits, 64 grey levels 0–16, 10 classes.
    case digits
    /// Fisher's 150 iris flowers, 4 measurements, 3 species.
    case iris
    /// 178 wines, 13 chemical measurements, 3 cultivars.
    case wine
    /// 569 breast-mass images, 30 cell-nucleus features, malignant or benign.
    case breastCancer = "breast-cancer"

    /// Loads the data set; `target` picks another column as the target (with `task`), for example
    /// `wine` with target `alcohol` as a regression problem.
    public func load(target: String? = nil, task: TaskChoice = .auto) throws(DataError) -> Dataset {
        guard let url = Bundle.module.url(forResource: rawValue, withExtension: "csv", subdirectory: "Bundled") else {
            throw DataError.missingResource(file: "\(rawValue).csv")
        }
        let chosenTask = target == nil && task == .auto ? .classification : task
        var dataset = try CSVLoader(target: target ?? "target", task: chosenTask).load(path: url.path)
        if dataset.targetName == "target", case .classification(let classes) = dataset.task {
            let names = try Self.classNames()[rawValue] ?? []
            if names.count == classes { dataset.classNames = names }
        }
        return dataset
    }

    /// scikit-learn's `target_names` per set, from `Bundled/datasets.json`.
    private static func classNames() throws(DataError) -> [String: [String]] {
        struct Metadata: Decodable {
            struct Entry: Decodable { var classNames: [String] }
            var datasets: [String: Entry]
        }
        guard let url = Bundle.module.url(forResource: "datasets", withExtension: "json", subdirectory: "Bundled") else {
            throw DataError.missingResource(file: "datasets.json")
        }
        do {
            let metadata = try JSONDecoder().decode(Metadata.self, from: Data(contentsOf: url))
            return metadata.datasets.mapValues(\.classNames)
        } catch {
            throw DataError.unreadableResource(file: "datasets.json", reason: "\(error)")
        }
    }
}
