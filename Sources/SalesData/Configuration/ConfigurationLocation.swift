/// Where a value of a configuration file is written: the file, the 1-based line and column, and
/// the key path.
///
/// A type decoded by ``YAMLConfiguration`` keeps it to point a later check at the right key (a
/// comp plan's `quota:` that names no quota, a version that overlaps the previous one).
/// Decoding a `ConfigurationLocation` reads nothing: it records where the decoder stands.
///
/// ```swift
/// struct Version: Decodable {
///     var effective: String
///     var location: ConfigurationLocation
///     init(from decoder: any Decoder) throws {
///         location = decoder.configurationLocation
///         effective = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .effective)
///     }
///     enum CodingKeys: String, CodingKey { case effective }
/// }
/// ```
///
/// Invariant: `line` and `column` are ≥ 1 (1 and 1 when the decoder is not a configuration's).
public struct ConfigurationLocation: Sendable, Hashable, Decodable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    /// Dotted key path such as `versions[0].components[1].weight`; empty for the document itself.
    public let keyPath: String

    public init(file: String, line: Int, column: Int, keyPath: String) {
        self.file = file
        self.line = max(1, line)
        self.column = max(1, column)
        self.keyPath = keyPath
    }

    /// Where `decoder` stands; consumes nothing.
    public init(from decoder: any Decoder) {
        self = decoder.configurationLocation
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }

    /// A located error about the value written here (quoted up to ``ConfigurationError/valueLimit``
    /// characters), saying what was expected.
    public func error(_ value: String?, expected: String, kind: ConfigurationError.Kind = .invalidValue)
        -> ConfigurationError
    {
        ConfigurationError(
            kind: kind, file: file, line: line, column: column, keyPath: keyPath, value: value,
            message: "expected \(expected)")
    }
}

extension Decoder {
    /// Where the value being decoded is written, when the decoder is ``YAMLConfiguration``'s; for
    /// any other decoder, line 1, column 1 and the coding path.
    public var configurationLocation: ConfigurationLocation {
        guard let decoder = self as? NodeDecoder else {
            return ConfigurationLocation(file: "", line: 1, column: 1, keyPath: NodeDecoder.path(codingPath))
        }
        return ConfigurationLocation(
            file: decoder.file, line: decoder.node.mark?.line ?? 1, column: decoder.node.mark?.column ?? 1,
            keyPath: NodeDecoder.path(decoder.codingPath))
    }
}
