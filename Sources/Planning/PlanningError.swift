/// What can go wrong while planning, with the key or file that needs fixing.
public enum PlanningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A request value is out of its domain: the key path (for example `roles[0].ramp[2]`), the
    /// value and what was expected.
    case invalidValue(key: String, value: String, expected: String)
    /// A configuration file could not be read or decoded: file, key path, what was expected.
    case badInput(file: String, key: String, expected: String)
    /// A plan section's own request refused a value: the key path inside the plan
    /// (`territories.measures[0].tolerance`) and the module's message.
    case invalidSection(key: String, message: String)
    /// A step's data did not fit the plan: the step and what was wrong (for example an account
    /// whose derived-column value has no entry).
    case stepFailed(step: String, message: String)

    public var description: String {
        switch self {
        case .invalidValue(let key, let value, let expected):
            "invalid \(key) '\(value.prefix(200))': expected \(expected)"
        case .badInput(let file, let key, let expected):
            "\(file): \(key): expected \(expected.prefix(200))"
        case .invalidSection(let key, let message):
            "\(key): \(message.prefix(300))"
        case .stepFailed(let step, let message):
            "\(step): \(message.prefix(300))"
        }
    }
}
