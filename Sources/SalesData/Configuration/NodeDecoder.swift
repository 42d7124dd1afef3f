import Foundation
import Yams

/// A `Decoder` over a Yams `Node` tree that knows where every value came from.
///
/// It records which keys of a mapping the decoded type read; after the type's `init(from:)`
/// returns, any key left unread is an unknown key. When the type's `CodingKeys` are
/// `CaseIterable`, they also give the "did you mean" hint and take precedence when decoding fails
/// (a typo usually causes a "missing key" further on). Every error is a ``ConfigurationError``.
final class NodeDecoder: Decoder {
    let node: Node
    let codingPath: [any CodingKey]
    let file: String
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Whether the type asked for a keyed container on this node.
    private var keyed = false
    /// Keys of this node's mapping that the type read.
    private var used: Set<String> = []
    /// Keys the type declares (from `CaseIterable` coding keys), in declaration order.
    private var declared: [String] = []

    init(node: Node, codingPath: [any CodingKey], file: String) {
        self.node = node
        self.codingPath = codingPath
        self.file = file
    }

    // MARK: - Decoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else { throw mismatch(expected: "a mapping of keys") }
        keyed = true
        if let cases = type as? any CaseIterable.Type {
            for name in Self.caseNames(cases) where !declared.contains(name) { declared.append(name) }
        }
        return KeyedDecodingContainer(try MappingContainer<Key>(decoder: self, mapping: mapping))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else { throw mismatch(expected: "a list") }
        return SequenceContainer(decoder: self, nodes: Array(sequence))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { ScalarContainer(decoder: self) }

    private static func caseNames<C: CaseIterable>(_ type: C.Type) -> [String] {
        C.allCases.compactMap { ($0 as? any CodingKey)?.stringValue }
    }

    // MARK: - Decoding values

    func markUsed(_ key: String) { used.insert(key) }

    /// A decoder for a child node.
    func child(_ node: Node, key: any CodingKey) -> NodeDecoder {
        NodeDecoder(node: node, codingPath: codingPath + [key], file: file)
    }

    /// Decodes this node as `T`, then rejects mapping keys that `T` did not read.
    func decodeSelf<T: Decodable>(_ type: T.Type) throws -> T {
        if let value = try primitive(T.self) { return value }
        do {
            let value = try T(from: self)
            if let unread = unreadKeyError(onlyUndeclared: false) { throw unread }
            return value
        } catch let error as ConfigurationError {
            throw unreadKeyError(onlyUndeclared: true) ?? error
        } catch {
            throw unreadKeyError(onlyUndeclared: true) ?? located(error, as: T.self)
        }
    }

    /// The first mapping key (in file order) that is unread, or, after a failure, undeclared.
    private func unreadKeyError(onlyUndeclared: Bool) -> ConfigurationError? {
        guard keyed, case .mapping(let mapping) = node else { return nil }
        if onlyUndeclared && declared.isEmpty { return nil }
        for (keyNode, _) in mapping {
            guard let name = keyNode.string else { continue }
            let known = onlyUndeclared ? declared.contains(name) : used.contains(name)
            if known { continue }
            let candidates = declared.isEmpty ? used.sorted() : declared
            var message: String
            if declared.contains(name) {
                message = "key `\(ConfigurationError.excerpt(name))` is not used here"
            } else {
                message = "unknown key `\(ConfigurationError.excerpt(name))`"
                if let hint = KeySuggestion.nearest(to: name, in: candidates) { message += "; did you mean `\(hint)`?" }
            }
            if !candidates.isEmpty { message += "; the keys here are \(candidates.joined(separator: ", "))" }
            return ConfigurationError(
                kind: .unknownKey, file: file, line: keyNode.mark?.line ?? 1, column: keyNode.mark?.column ?? 1,
                keyPath: Self.path(codingPath, appending: name), value: nil, message: message)
        }
        return nil
    }

    /// Scalars: text, booleans and numbers, with an exact check for integer widths.
    private func primitive<T>(_ type: T.Type) throws -> T? {
        if T.self == String.self { return try text() as? T }
        if T.self == Bool.self { return try scalar(Bool.construct, expected: "true or false") as? T }
        if T.self == Double.self { return try scalar(Double.construct, expected: "a number") as? T }
        if T.self == Float.self { return try Float(scalar(Double.construct, expected: "a number")) as? T }
        if T.self == Int.self { return try integer(Int.self) as? T }
        if T.self == Int64.self { return try integer(Int64.self) as? T }
        if T.self == Int32.self { return try integer(Int32.self) as? T }
        if T.self == Int16.self { return try integer(Int16.self) as? T }
        if T.self == Int8.self { return try integer(Int8.self) as? T }
        if T.self == UInt.self { return try integer(UInt.self) as? T }
        if T.self == UInt64.self { return try integer(UInt64.self) as? T }
        if T.self == UInt32.self { return try integer(UInt32.self) as? T }
        if T.self == UInt16.self { return try integer(UInt16.self) as? T }
        if T.self == UInt8.self { return try integer(UInt8.self) as? T }
        return nil
    }

    private func text() throws -> String {
        guard case .scalar(let s) = node, !node.isNullScalar else { throw mismatch(expected: "text") }
        return s.string
    }

    private func scalar<V>(_ construct: (Node.Scalar) -> V?, expected: String) throws -> V {
        guard case .scalar(let s) = node, !node.isNullScalar, let value = construct(s) else {
            throw mismatch(expected: expected)
        }
        return value
    }

    private func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        let expected = "a whole number in \(I.min)...\(I.max)"
        guard case .scalar(let s) = node, !node.isNullScalar else { throw mismatch(expected: expected) }
        if I.isSigned, let wide = Int64.construct(from: s), let value = I(exactly: wide) { return value }
        if !I.isSigned, let wide = UInt64.construct(from: s), let value = I(exactly: wide) { return value }
        throw mismatch(expected: expected)
    }

    // MARK: - Errors

    /// "expected X, found Y" at this node.
    func mismatch(expected: String) -> ConfigurationError {
        ConfigurationError(
            kind: .typeMismatch, file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1,
            keyPath: Self.path(codingPath), value: node.scalarText,
            message: node.scalarText != nil && !node.isNullScalar
                ? "expected \(expected)" : "expected \(expected), found \(node.kindName)")
    }

    /// A required key that the mapping lacks, located at the mapping.
    func missingKey(_ key: any CodingKey) -> ConfigurationError {
        ConfigurationError(
            kind: .missingKey, file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1,
            keyPath: Self.path(codingPath), value: nil, message: "missing required key `\(key.stringValue)`")
    }

    /// An error thrown by a type's own `init(from:)`, located at this node.
    private func located<T>(_ error: any Error, as type: T.Type) -> ConfigurationError {
        var message: String
        if let cases = T.self as? any CaseIterable.Type {
            let choices = Self.rawNames(cases)
            message = "expected one of \(choices.joined(separator: ", "))"
            if let text = node.scalarText, let hint = KeySuggestion.nearest(to: text, in: choices) {
                message += "; did you mean `\(hint)`?"
            }
        } else if let error = error as? DecodingError {
            switch error {
            case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context),
                .keyNotFound(_, let context):
                message = context.debugDescription
            @unknown default:
                message = "\(error)"
            }
        } else {
            message = "\(error)"
        }
        return ConfigurationError(
            kind: .typeMismatch, file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1,
            keyPath: Self.path(codingPath), value: node.scalarText, message: message)
    }

    private static func rawNames<C: CaseIterable>(_ type: C.Type) -> [String] {
        C.allCases.map { value in (value as? any RawRepresentable).map { "\($0.rawValue)" } ?? "\(value)" }
    }

    /// `a.b[1].c` from a coding path.
    static func path(_ codingPath: [any CodingKey], appending key: String? = nil) -> String {
        var text = ""
        for component in codingPath {
            if component is IndexKey, let index = component.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? component.stringValue : ".\(component.stringValue)"
            }
        }
        if let key { text += text.isEmpty ? key : ".\(key)" }
        return text
    }
}

/// The coding key of a list element.
struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

extension Node {
    /// Whether this is a plain null scalar (`~`, `null` or nothing).
    var isNullScalar: Bool {
        guard case .scalar(let s) = self, s.style == .plain || s.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    /// The scalar's text, for quoting in errors.
    var scalarText: String? {
        guard case .scalar(let s) = self else { return nil }
        return s.string
    }

    /// What kind of node this is, for "found …" in errors.
    var kindName: String {
        switch self {
        case .scalar: isNullScalar ? "nothing" : "text"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
