/// Why an insights computation could not run: bad input files, configuration or values.
///
/// Every case names where the problem is (file and line, or a configuration key path) and what was
/// expected, so the CLI can print it as is and exit with 65 (bad data) or 64 (bad flag).
public enum InsightsError: Error, Hashable, CustomStringConvertible {
    /// A line of a file could not be read: `file:line:column: reason`.
    case malformedFile(file: String, line: Int, column: Int, reason: String)
    /// A configuration value is out of range or of the wrong kind.
    case invalidValue(key: String, value: String, expected: String)
    /// A file could not be opened or written.
    case fileFailed(path: String, reason: String)
    /// The period text is not `YYYY-Qn`, `YYYY-MM` or `YYYY`.
    case invalidPeriod(String)

    public var description: String {
        switch self {
        case .malformedFile(let file, let line, let column, let reason): "\(file):\(line):\(column): \(reason)"
        case .invalidValue(let key, let value, let expected):
            "\(key): invalid value '\(Self.clip(value))'; expected \(expected)"
        case .fileFailed(let path, let reason): "\(path): \(reason)"
        case .invalidPeriod(let text):
            "invalid period '\(Self.clip(text))'; expected YYYY-Qn (e.g. 2026-Q3), YYYY-MM or YYYY"
        }
    }

    /// `text` cut to at most 200 characters, so a huge bad value cannot flood an error message.
    static func clip(_ text: String) -> String { text.count <= 200 ? text : String(text.prefix(197)) + "..." }
}
