import Foundation
import Yams

/// A parsed YAML configuration file that decodes strictly into `Decodable` request types.
///
/// Strict means: a key the type does not read is an error (with a "did you mean" hint), and every
/// error names the file, the 1-based line and column, and the key path. Every config and plan file
/// of Meridian goes through this one decoder.
///
/// ```swift
/// let config = try YAMLConfiguration(yaml: "folder: Data/demo\nmaxIssues: 10\n", file: "check.yaml")
/// let request = try config.decodeRequest(DatasetCheckRequest.self)   // request.maxIssues == 10
/// ```
public struct YAMLConfiguration {
    /// The file name used in error locations.
    public let file: String
    let root: Node

    /// Parses `yaml`; an empty document is an empty mapping.
    ///
    /// - Throws: ``ConfigurationError`` of kind `.syntax` located at the parser's line and column.
    public init(yaml: String, file: String) throws(ConfigurationError) {
        self.file = file
        do {
            root = try Yams.compose(yaml: yaml) ?? Node.mapping(Node.Mapping([]))
        } catch {
            throw Self.syntaxError(error, file: file, yaml: yaml)
        }
    }

    /// Reads and parses a file; bytes that are not UTF-8 are an error located at the first bad byte.
    public init(contentsOf url: URL) throws(ConfigurationError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ConfigurationError(
                kind: .unreadable, file: url.path, line: 1, column: 1, keyPath: "", value: nil,
                message: "cannot read the file: \(error.localizedDescription)")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let (line, column) = Self.firstInvalidUTF8(data)
            throw ConfigurationError(
                kind: .unreadable, file: url.lastPathComponent, line: line, column: column, keyPath: "", value: nil,
                message: "the file is not UTF-8 text")
        }
        try self.init(yaml: text, file: url.lastPathComponent)
    }

    /// Decodes the whole document into `type`, strictly.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws(ConfigurationError) -> T {
        do {
            return try NodeDecoder(node: root, codingPath: [], file: file).decodeSelf(T.self)
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw located(error)
        }
    }

    /// Decodes a request and checks the values the file itself gives.
    ///
    /// The first of the request's ``ValidatedRequest/problems()`` whose key is in this file is
    /// thrown, located at that key. Problems about keys the file does not hold are left for the
    /// final `validate()` after command-line flags are laid over the request.
    public func decodeRequest<T: ValidatedRequest>(_ type: T.Type = T.self) throws(ConfigurationError) -> T {
        let request = try decode(T.self)
        for problem in request.problems() {
            if let key = problem.requestKey, node(at: key) != nil { throw located(problem) }
        }
        return request
    }

    /// Parses `yaml` and decodes it into `type` in one step.
    public static func decode<T: Decodable>(_ type: T.Type, from yaml: String, file: String) throws(ConfigurationError)
        -> T
    {
        try YAMLConfiguration(yaml: yaml, file: file).decode(type)
    }

    /// Whether the document holds the key path (`fairness.method`, `measures[0].name`).
    public func contains(keyPath: String) -> Bool { node(at: keyPath) != nil }

    /// `error` as a located configuration error: at the key a ``RequestKeyError`` names (or the
    /// nearest enclosing key the file holds), else at the start of the document.
    public func located(_ error: any Error) -> ConfigurationError {
        if let error = error as? ConfigurationError { return error }
        let key = (error as? any RequestKeyError)?.requestKey ?? ""
        var components = Self.components(of: key)
        var target: Node?
        while target == nil && !components.isEmpty {
            target = node(at: components)
            if target == nil { components.removeLast() }
        }
        let mark = (target ?? root).mark
        return ConfigurationError(
            kind: .invalidValue, file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, keyPath: key, value: nil,
            message: "\(error)")
    }

    // MARK: - Key paths

    enum PathComponent: Equatable {
        case key(String)
        case index(Int)
    }

    /// Splits `a.b[1].c` into components.
    static func components(of path: String) -> [PathComponent] {
        var result: [PathComponent] = []
        for part in path.split(separator: ".", omittingEmptySubsequences: true) {
            var name = Substring(part)
            var indices: [Int] = []
            while name.hasSuffix("]"), let open = name.lastIndex(of: "[") {
                guard let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) else { break }
                indices.insert(index, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty { result.append(.key(String(name))) }
            result += indices.map(PathComponent.index)
        }
        return result
    }

    func node(at path: String) -> Node? {
        let components = Self.components(of: path)
        return components.isEmpty ? nil : node(at: components)
    }

    /// The node at a path: a mapping key's value node is located at its key.
    func node(at components: [PathComponent]) -> Node? {
        var current = root
        var located = root
        for component in components {
            switch (component, current) {
            case (.key(let name), .mapping(let mapping)):
                guard let pair = mapping.first(where: { $0.key.string == name }) else { return nil }
                current = pair.value
                located = pair.key
            case (.index(let i), .sequence(let sequence)):
                guard sequence.indices.contains(i) else { return nil }
                current = sequence[i]
                located = current
            default:
                return nil
            }
        }
        return located
    }

    // MARK: - Parser errors

    static func syntaxError(_ error: any Error, file: String, yaml: String) -> ConfigurationError {
        func make(_ mark: (line: Int, column: Int)?, _ problem: String, _ context: YamlError.Context?)
            -> ConfigurationError
        {
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at \(context.mark.line):\(context.mark.column))" }
            return ConfigurationError(
                kind: .syntax, file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, keyPath: "", value: nil,
                message: message)
        }
        guard let error = error as? YamlError else { return make(nil, "\(error)", nil) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return make((mark.line, mark.column), problem, context)
        case .reader(let problem, let offset, _, _):
            let (line, column) = offset.map { lineAndColumn(ofUTF8Offset: $0, in: yaml) } ?? (1, 1)
            return make((line, column), problem, nil)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "`\(ConfigurationError.excerpt($0))`" }.joined(separator: ", ")
            return ConfigurationError(
                kind: .syntax, file: file, line: context.mark.line, column: context.mark.column, keyPath: "",
                value: nil, message: "duplicate key \(names) in one mapping; give each key once")
        default:
            return make(nil, "\(error)", nil)
        }
    }

    /// 1-based line and column (in characters) of a UTF-8 byte offset.
    static func lineAndColumn(ofUTF8Offset offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1, consumed = 0
        for scalar in text.unicodeScalars {
            if consumed >= offset { break }
            consumed += UTF8.width(scalar)
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    /// 1-based line and column of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ data: Data) -> (Int, Int) {
        var line = 1, column = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput, .error:
                return (line, column)
            }
        }
    }
}
