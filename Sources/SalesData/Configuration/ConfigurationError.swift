/// A problem in a YAML configuration, located by file, line and column and by key path.
///
/// ```swift
/// do {
///     _ = try YAMLConfiguration.decode(DatasetCheckRequest.self, from: "foldr: Data/demo\n", file: "check.yaml")
/// } catch {
///     print(error)   // check.yaml:1:1: foldr: unknown key `foldr`; did you mean `folder`? …
/// }
/// ```
///
/// Invariants: `line` and `column` are 1-based (≥ 1); `value` holds at most
/// ``ConfigurationError/valueLimit`` characters of the offending value.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem it is.
    public enum Kind: String, Hashable, Sendable {
        /// The file cannot be read or is not UTF-8.
        case unreadable
        /// The text is not valid YAML.
        case syntax
        /// A key the request type does not have (often a typo).
        case unknownKey
        /// A required key is absent.
        case missingKey
        /// A value of the wrong shape or type (text for a number, a list for a mapping, …).
        case typeMismatch
        /// A value of the right type outside its domain (reported by the request's validation).
        case invalidValue
    }

    /// The most characters of a bad value an error quotes.
    public static let valueLimit = ErrorText.maximumQuotedLength

    public let kind: Kind
    public let file: String
    public let line: Int
    public let column: Int
    /// Dotted key path such as `measures[1].tolerance`; empty for the document itself; cut like a
    /// value when longer than ``valueLimit`` characters.
    public let keyPath: String
    /// The offending value, cut to ``valueLimit`` characters; nil when there is none to quote.
    public let value: String?
    /// What happened and what was expected.
    public let message: String

    /// Creates an error; the value (and a key path longer than ``valueLimit``) is cut to
    /// ``valueLimit`` characters and the location clamped to ≥ 1.
    public init(kind: Kind, file: String, line: Int, column: Int, keyPath: String, value: String?, message: String) {
        self.kind = kind
        self.file = file
        self.line = max(1, line)
        self.column = max(1, column)
        // A key path is built from the file's own keys, so a 10,000-character key is cut like a value.
        self.keyPath = keyPath.count > ErrorText.maximumQuotedLength ? ErrorText.quoted(keyPath) : keyPath
        self.value = value.map { ErrorText.quoted($0) }
        self.message = message
    }

    public var description: String {
        var text = "\(file):\(line):\(column): "
        if !keyPath.isEmpty { text += "\(keyPath): " }
        text += message
        if let value { text += " (got \"\(value)\")" }
        return text
    }
}

/// An error about the value of one request key, so a configuration reader can point at the key's
/// line and column and the CLI can tell a bad config (exit 65) from a bad flag (exit 64).
public protocol RequestKeyError: Error, CustomStringConvertible {
    /// The key the error is about, as a dotted path (`fairness.warnBelow`, `measures[1].tolerance`);
    /// nil when the error is not about one key.
    var requestKey: String? { get }
}

/// A request decoded from a configuration file: it can list every problem with its values.
///
/// `validate()` throws the first problem. ``YAMLConfiguration/decodeRequest(_:)`` reports the
/// first problem whose key the file itself holds, located at that key; problems with keys the file
/// lacks (to be given by flags) wait for the final `validate()`.
public protocol ValidatedRequest: Decodable {
    /// Every problem with the request's values, in key order; empty when the request is valid.
    func problems() -> [any RequestKeyError]
}

extension ValidatedRequest {
    /// Throws the first of ``problems()``.
    public func validate() throws {
        if let first = problems().first { throw first }
    }
}
