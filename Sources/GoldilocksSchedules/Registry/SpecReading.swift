import GoldilocksSpec

extension Spec {
    /// The largest step count a spec may give: 2⁵³, so that step arithmetic cannot overflow.
    static let largestStep = 1 << 53

    /// Whether `value` lies within ±2⁵³ (a range test, as `abs` traps on `Int.min`).
    static func isStepSized(_ value: Int) -> Bool {
        (-largestStep...largestStep).contains(value)
    }

    /// A whole number of steps, at most 2⁵³ in size.
    func steps(_ key: String) throws(SpecError) -> Int {
        let value = try int(key)
        guard Spec.isStepSized(value) else { throw .stepOutOfRange(owner: name, parameter: key, value: value) }
        return value
    }

    /// A whole number of steps that may be `null` or left out.
    func optionalSteps(_ key: String) throws(SpecError) -> Int? {
        if parameters[key] == nil || parameters[key] == .null { return nil }
        return try steps(key)
    }

    /// A list of whole numbers (milestones, boundaries), each at most 2⁵³ in size.
    func ints(_ key: String) throws(SpecError) -> [Int] {
        var result: [Int] = []
        for number in try doubles(key) {
            guard let whole = Int(exactly: number), Spec.isStepSized(whole) else {
                throw .badParameter(owner: name, parameter: key, expected: "a list of whole numbers", value: "\(JSONValue.number(number))")
            }
            result.append(whole)
        }
        return result
    }

    /// optax's `boundaries_and_scales`: a JSON object from step (as a string key) to scale, or null.
    func boundariesAndScales(_ key: String) throws(SpecError) -> [Int: Double] {
        guard let value = parameters[key], value != .null else { return [:] }
        guard case .object(let fields) = value else {
            throw .badParameter(
                owner: name, parameter: key, expected: "an object from step to scale, such as {\"100\": 0.1}", value: "\(value)")
        }
        var table: [Int: Double] = [:]
        for (boundary, scale) in fields {
            guard let step = Int(boundary), Spec.isStepSized(step), case .number(let factor) = scale else {
                throw .badBoundary(owner: name, parameter: key, boundary: boundary, scale: scale)
            }
            table[step] = factor
        }
        return table
    }

    /// A non-negative whole number (a step count PyTorch or transformers would reject below 0).
    func count(_ key: String) throws(SpecError) -> Int {
        let value = try steps(key)
        guard value >= 0 else { throw .badParameter(owner: name, parameter: key, expected: "≥ 0", value: "\(value)") }
        return value
    }
}
