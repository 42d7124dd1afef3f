import SalesData

/// Everything that can go wrong when reading comp plans and inputs or calculating a period.
///
/// Every case about user input names the file, line and column (or key path) and the offending value, so
/// the CLI can print it and exit 65 with nothing written.
public enum IncentivesError: Error, Hashable, CustomStringConvertible {
    /// A problem at a place in an input file: `file:line:column: message`.
    case invalidInput(file: String, line: Int, column: Int, value: String, expected: String)
    /// A number that is not exact decimal text (used while parsing, then located by the caller).
    case invalidNumber(String, expected: String)
    /// A plan or policy file that does not decode: the error names its file, line, column and key path.
    case configuration(ConfigurationError)
    /// The sales data could not be loaded; the issues carry their own locations.
    case salesData(SalesDataError)
    /// A file could not be read.
    case unreadable(path: String, reason: String)

    /// `file:line:column: value "…": expected …`.
    public var description: String {
        switch self {
        case .invalidInput(let file, let line, let column, let value, let expected):
            let shown = value.count > 200 ? String(value.prefix(200)) + "…" : value
            return "\(file):\(line):\(column): \(shown.isEmpty ? "" : "\"\(shown)\": ")expected \(expected)"
        case .invalidNumber(let text, let expected):
            return "\"\(text.prefix(200))\" is not a number; expected \(expected)"
        case .configuration(let error):
            return error.description
        case .salesData(let error):
            return error.description
        case .unreadable(let path, let reason):
            return "cannot read \(path): \(reason)"
        }
    }
}

/// A place in an input file, carried by plan elements so later checks (a missing quota, an unknown
/// component) can point at the key that asked for it.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }

    /// An error at this place.
    func error(_ value: String, expected: String) -> IncentivesError {
        .invalidInput(file: file, line: line, column: column, value: value, expected: expected)
    }
}
