import Yams

/// A YAML document flattened into its leaf values by key path (`territories.tolerance.potential`,
/// `quotas.levels[1].name`), so two plans can be compared key by key.
public enum PlanKeyPaths {
    /// Each leaf's key path and its scalar text; an empty mapping or sequence is a leaf written `{}` or
    /// `[]`.
    ///
    /// - Throws: Yams' parse error when `yaml` is not YAML.
    public static func leaves(of yaml: String) throws -> [String: String] {
        var leaves: [String: String] = [:]
        guard let node = try Yams.compose(yaml: yaml) else { return leaves }
        collect(node, path: "", into: &leaves)
        return leaves
    }

    private static func collect(_ node: Node, path: String, into leaves: inout [String: String]) {
        switch node {
        case .scalar(let scalar):
            leaves[path] = scalar.string
        case .mapping(let mapping):
            if mapping.isEmpty { leaves[path] = "{}" }
            for (key, value) in mapping {
                let name = key.scalar?.string ?? "\(key)"
                collect(value, path: path.isEmpty ? name : path + "." + name, into: &leaves)
            }
        case .sequence(let sequence):
            if sequence.isEmpty { leaves[path] = "[]" }
            for (index, value) in sequence.enumerated() {
                collect(value, path: "\(path)[\(index)]", into: &leaves)
            }
        case .alias(let alias):
            leaves[path] = "*\(alias.anchor.rawValue)"
        }
    }
}
