/// What can go wrong while planning, with the key or file that needs fixing.
public enum PlanningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A request value is out of its domain: the key path (e.g. `roles[0].ramp[2]`), the value and
    /// what was expected.
    case invalidValue(key: String, value: String, expected: String)
    /// A configuration file could not be read or decoded: file, key path, what was expected.
    case badInput(file: String, key: String, expected: String)

    public var description: String {
        switch self {
        case .invalidValue(let key, let value, let expected):
            "invalid \(key) '\(value.prefix(200))': expected \(expected)"
        case .badInput(let file, let key, let expected):
            "\(file): \(key): expected \(expected.prefix(200))"
        }
    }
}
