/// The target column's raw text, turned into `Dataset` targets, a task and class names.
///
/// Classification labels map to `0..<k` in sorted order: numerically when every label is a
/// number (so `10` follows `9`), else by string comparison. Regression targets must be numbers.
struct TargetColumn {
    var texts: [String] = []
    /// The 1-based line of each text, for error messages.
    var lines: [Int] = []
    var file: String
    var name: String

    /// The largest number of distinct whole-number values `auto` still calls classes.
    static let maximumAutoClasses = 20

    func encode(as choice: TaskChoice) throws(DataError) -> (targets: [Float], task: Task, classNames: [String]) {
        // Swift's Double(_:) stops at a NUL byte, so a cell holding one is text, not a number.
        let numbers = texts.map { $0.utf8.contains(0) ? nil : Double($0).flatMap { $0.isFinite ? $0 : nil } }
        let firstNonNumber = numbers.firstIndex { $0 == nil }
        let classify: Bool
        switch choice {
        case .classification: classify = true
        case .regression:
            if let row = firstNonNumber {
                throw DataError.nonNumericTarget(file: file, line: lines[row], column: name, value: texts[row])
            }
            classify = false
        case .auto:
            let distinct = Set(numbers.lazy.compactMap { $0 })
            let looksLikeClasses = distinct.allSatisfy { $0 == $0.rounded() }
                && distinct.count <= Self.maximumAutoClasses && distinct.count * 2 <= texts.count
            if let row = firstNonNumber {
                // Labels that are text are classes; but one stray word among continuous numbers is
                // far likelier a damaged regression target than a hundred classes.
                let numeric = numbers.count { $0 != nil }
                if numeric * 2 > texts.count && !looksLikeClasses {
                    throw DataError.strayTarget(
                        file: file, line: lines[row], column: name, value: texts[row], numeric: numeric, total: texts.count)
                }
                classify = true
            } else {
                classify = looksLikeClasses
            }
        }
        return classify ? try classes(numbers: firstNonNumber == nil ? numbers.map { $0 ?? 0 } : nil) : try values(numbers.map { $0 ?? 0 })
    }

    private func classes(numbers: [Double]?) throws(DataError) -> (targets: [Float], task: Task, classNames: [String]) {
        let names: [String]
        let targets: [Float]
        if let numbers {
            let sorted = Set(numbers).sorted()
            let index = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, Float($0)) })
            targets = numbers.map { index[$0] ?? 0 }
            names = sorted.map { value in
                if value == value.rounded(), let whole = Int(exactly: value) { return String(whole) }
                return value.description
            }
        } else {
            names = Set(texts).sorted()
            let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Float($0)) })
            targets = texts.map { index[$0] ?? 0 }
        }
        guard names.count >= 2 else {
            throw DataError.singleClass(file: file, column: name, label: texts.first ?? "")
        }
        return (targets, .classification(classes: names.count), names)
    }

    private func values(_ numbers: [Double]) throws(DataError) -> (targets: [Float], task: Task, classNames: [String]) {
        var targets: [Float] = []
        targets.reserveCapacity(numbers.count)
        for (row, number) in numbers.enumerated() {
            let value = Float(number)
            guard value.isFinite else {
                throw DataError.targetTooLarge(file: file, line: lines[row], column: name, value: texts[row])
            }
            targets.append(value)
        }
        if let first = targets.first, targets.allSatisfy({ $0 == first }) {
            throw DataError.constantTarget(file: file, column: name, value: texts[0])
        }
        return (targets, .regression, [])
    }
}
