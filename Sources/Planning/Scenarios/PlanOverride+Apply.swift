import SalesData
import Yams

extension PlanOverride {
    /// A key path's parts: mapping keys and list indices.
    enum Component: Equatable {
        case key(String)
        case index(Int)
    }

    /// Why an override cannot be applied.
    struct PathError: Error, CustomStringConvertible {
        var description: String
    }

    /// Splits `a.b[1].c` into `a`, `b`, `1`, `c`.
    ///
    /// - Throws: ``PathError`` for an empty part or an index that is not a whole number.
    static func components(_ keyPath: String) throws -> [Component] {
        var result: [Component] = []
        for part in keyPath.split(separator: ".", omittingEmptySubsequences: false) {
            var name = Substring(part)
            var indices: [Int] = []
            while name.hasSuffix("]") {
                guard let open = name.lastIndex(of: "["),
                    let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]), index >= 0
                else { throw PathError(description: "'\(part)' has a list index that is not a whole number ≥ 0") }
                indices.insert(index, at: 0)
                name = name[..<open]
            }
            if name.isEmpty && indices.isEmpty { throw PathError(description: "the key path has an empty part") }
            if !name.isEmpty { result.append(.key(String(name))) }
            result += indices.map(Component.index)
        }
        if result.isEmpty { throw PathError(description: "the key path is empty") }
        return result
    }

    /// `document` with the node at `path` replaced by `value`; missing mapping keys are added (at the
    /// end, so the plan keeps its order), an index must exist.
    static func set(_ value: Node, at path: ArraySlice<Component>, in document: Node) throws -> Node {
        guard let first = path.first else { return value }
        let rest = path.dropFirst()
        switch (first, document) {
        case (.key(let key), .mapping(let mapping)):
            var pairs = Array(mapping)
            if let position = pairs.firstIndex(where: { $0.key.string == key }) {
                pairs[position].value = try set(value, at: rest, in: pairs[position].value)
            } else {
                pairs.append((Node(key), try set(value, at: rest, in: Node.mapping(Node.Mapping([])))))
            }
            return Node.mapping(
                Node.Mapping(pairs.map { ($0.key, $0.value) }, mapping.tag, mapping.style, mapping.mark))
        case (.key, .scalar(let scalar)) where scalar.string.isEmpty || scalar.string == "null" || scalar.string == "~":
            return try set(value, at: path, in: Node.mapping(Node.Mapping([])))
        case (.index(let index), .sequence(let sequence)):
            var nodes = Array(sequence)
            guard nodes.indices.contains(index) else {
                throw PathError(description: "index \(index) is past the end of a list of \(nodes.count)")
            }
            nodes[index] = try set(value, at: rest, in: nodes[index])
            return Node.sequence(Node.Sequence(nodes, sequence.tag, sequence.style, sequence.mark))
        case (.key(let key), _):
            throw PathError(description: "'\(key)' is set inside a value that is not a mapping")
        case (.index(let index), _):
            throw PathError(description: "[\(index)] is set inside a value that is not a list")
        }
    }

    static func set(_ value: Node, at path: [Component], in document: Node) throws -> Node {
        try set(value, at: path[...], in: document)
    }
}
