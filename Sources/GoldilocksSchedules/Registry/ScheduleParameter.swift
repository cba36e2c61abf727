import GoldilocksSpec

/// One parameter of a schedule spec, with its library's default (`nil`: required).
public struct ScheduleParameter: Sendable, Equatable {
    /// The parameter's name in the library (`step_size`, `num_warmup_steps`, `init_value`).
    public let name: String
    /// The library's default, JSON `null` for Python's `None`; `nil` when the parameter is required.
    public let defaultValue: JSONValue?

    /// A parameter the spec must give.
    public static func required(_ name: String) -> ScheduleParameter { .init(name: name, defaultValue: nil) }
    /// A number with a default.
    public static func number(_ name: String, _ value: Double) -> ScheduleParameter { .init(name: name, defaultValue: .number(value)) }
    /// A boolean with a default.
    public static func flag(_ name: String, _ value: Bool) -> ScheduleParameter { .init(name: name, defaultValue: .bool(value)) }
    /// A string with a default.
    public static func text(_ name: String, _ value: String) -> ScheduleParameter { .init(name: name, defaultValue: .string(value)) }
    /// A parameter that defaults to Python's `None`.
    public static func none(_ name: String) -> ScheduleParameter { .init(name: name, defaultValue: .null) }

    /// `name` when required, `name=default` otherwise, as the help lists it.
    public var usage: String {
        guard let defaultValue else { return name }
        if case .number(let number) = defaultValue, number == number.rounded(), abs(number) < 1e15 {
            return "\(name)=\(Int(number))"
        }
        return "\(name)=\(defaultValue)"
    }
}
