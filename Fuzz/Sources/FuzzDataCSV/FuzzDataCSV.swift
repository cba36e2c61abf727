import Foundation
import GoldilocksData

/// libFuzzer entry: `CSVLoader.load(bytes:name:)` as `goldilocks train --data FILE.csv` reads a data
/// set: the last column as the target, then the first header cell as the target, with the task
/// detected and forced.
///
/// A data set that loads must hold what the file holds: rows × features values, all finite, class
/// indices inside the class count, names for every column.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDataCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? Data() : Data(bytes: data!, count: size)
    // The first header cell, as a user would name it with --target.
    let head = bytes.prefix(while: { $0 != UInt8(ascii: ",") && $0 != 0x0A && $0 != 0x0D })
    let firstCell = String(decoding: head, as: UTF8.self)
    let loaders = [
        CSVLoader(target: nil, task: .auto),
        CSVLoader(target: nil, task: .regression),
        CSVLoader(target: firstCell, task: .classification),
        CSVLoader(target: firstCell, task: .auto),
    ]
    for loader in loaders {
        guard let dataset = try? loader.load(bytes: bytes, name: "fuzz.csv") else { continue }
        check(dataset)
    }
    return 0
}

func check(_ dataset: Dataset) {
    precondition(dataset.featureCount > 0 && dataset.features.count == dataset.count * dataset.featureCount, "features are not rows × featureCount")
    precondition(dataset.featureNames.count == dataset.featureCount, "\(dataset.featureNames.count) names for \(dataset.featureCount) features")
    precondition(dataset.features.allSatisfy(\.isFinite), "a non-finite feature was read")
    precondition(dataset.targets.allSatisfy(\.isFinite), "a non-finite target was read")
    if case .classification(let classes) = dataset.task {
        precondition(classes >= 1 && dataset.classNames.count == classes, "\(dataset.classNames.count) class names for \(classes) classes")
        precondition(dataset.targets.allSatisfy { $0 >= 0 && $0 < Float(classes) && $0.rounded() == $0 }, "a class index out of range")
    }
}
