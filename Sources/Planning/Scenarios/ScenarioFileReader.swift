import Foundation
import SalesData
import Yams

/// Reads the keys of a scenario file from its YAML tree, strictly: unknown keys, wrong shapes, empty
/// grids and duplicate names are `ConfigurationError`s located at the key.
struct ScenarioFileReader {
    let file: String
    let root: Node

    /// The most scenarios one file may describe (a grid multiplies quickly).
    static let maximumScenarios = 100_000

    func planName() throws(ConfigurationError) -> String {
        let top = try mapping(root, path: "", allowed: ["plan", "grid", "scenarios"])
        guard let plan = top["plan"] else { throw error(at: "", value: nil, "missing key 'plan' (the base plan file)") }
        guard case .scalar(let scalar) = plan, !scalar.string.isEmpty else {
            throw error(at: "plan", node: plan, value: nil, "expected the base plan's file name")
        }
        return scalar.string
    }

    func scenarios() throws(ConfigurationError) -> [Scenario] {
        let top = try mapping(root, path: "", allowed: ["plan", "grid", "scenarios"])
        _ = try planName()
        var result: [Scenario] = []
        if let grid = top["grid"] { result += try gridScenarios(grid) }
        if let list = top["scenarios"] { result += try listedScenarios(list, after: Set(result.map(\.name))) }
        if result.isEmpty {
            throw error(at: "", value: nil, "no scenarios: give a 'grid' with values or a 'scenarios' list")
        }
        var seen: Set<String> = []
        for scenario in result where !seen.insert(scenario.name).inserted {
            // listed names are checked where they are written; this is a grid repeating a value
            throw error(at: "grid", node: top["grid"], value: scenario.name, "two scenarios have the same name")
        }
        return result
    }

    private func gridScenarios(_ grid: Node) throws(ConfigurationError) -> [Scenario] {
        guard case .sequence(let axes) = grid, !axes.isEmpty else {
            throw error(at: "grid", node: grid, value: nil, "expected a list of axes, each with key and values")
        }
        var combinations: [(names: [String], overrides: [PlanOverride])] = [([], [])]
        for (index, axis) in axes.enumerated() {
            let path = "grid[\(index)]"
            let fields = try mapping(axis, path: path, allowed: ["key", "label", "values"])
            let key = try keyPath(fields["key"], path: path + ".key", within: axis)
            let label =
                try fields["label"].map { label throws(ConfigurationError) in
                    guard case .scalar(let scalar) = label, Self.isName(scalar.string) else {
                        throw error(
                            at: path + ".label", node: label, value: label.scalar?.string, "expected a short name")
                    }
                    return scalar.string
                } ?? Self.defaultLabel(key)
            guard let valuesNode = fields["values"], case .sequence(let values) = valuesNode, !values.isEmpty else {
                throw error(
                    at: path + ".values", node: fields["values"] ?? axis, value: nil, "expected a non-empty list")
            }
            let overrides = try values.enumerated().map { (position, value) throws(ConfigurationError) in
                try overrideValue(key, value: value, path: "\(path).values[\(position)]")
            }
            if combinations.count * overrides.count > Self.maximumScenarios {
                throw error(at: path, value: nil, "the grid has more than \(Self.maximumScenarios) scenarios")
            }
            combinations = combinations.flatMap { combination in
                overrides.map { item in
                    (
                        names: combination.names + ["\(label)=\(item.nameText)"],
                        overrides: combination.overrides + [item]
                    )
                }
            }
        }
        return combinations.map { Scenario(name: $0.names.joined(separator: ","), overrides: $0.overrides) }
    }

    private func listedScenarios(_ list: Node, after gridNames: Set<String>) throws(ConfigurationError) -> [Scenario] {
        guard case .sequence(let items) = list else {
            throw error(at: "scenarios", node: list, value: nil, "expected a list of scenarios with name and set")
        }
        var result: [Scenario] = []
        for (index, item) in items.enumerated() {
            let path = "scenarios[\(index)]"
            let fields = try mapping(item, path: path, allowed: ["name", "set"])
            guard let nameNode = fields["name"], case .scalar(let name) = nameNode, Self.isName(name.string) else {
                throw error(
                    at: path + ".name", node: fields["name"] ?? item, value: fields["name"]?.scalar?.string,
                    "expected a name of letters, digits and . _ = , + - (it names the output folder)")
            }
            if gridNames.contains(name.string) || result.contains(where: { $0.name == name.string }) {
                throw error(at: path + ".name", node: nameNode, value: name.string, "two scenarios have the same name")
            }
            var overrides: [PlanOverride] = []
            if let set = fields["set"] {
                guard case .mapping(let pairs) = set else {
                    throw error(
                        at: path + ".set", node: set, value: nil, "expected a mapping of plan key paths to values")
                }
                for (keyNode, value) in pairs {
                    let key = try keyPath(keyNode, path: path + ".set", within: set)
                    overrides.append(try overrideValue(key, value: value, path: "\(path).set.\(key)"))
                }
            }
            result.append(Scenario(name: name.string, overrides: overrides))
        }
        return result
    }

    // MARK: - Pieces

    private func overrideValue(_ key: String, value: Node, path: String) throws(ConfigurationError) -> PlanOverride {
        let text: String
        do {
            text = try Yams.serialize(node: value).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw self.error(at: path, node: value, value: nil, "cannot read the value: \(error)")
        }
        let mark = value.mark
        return PlanOverride(
            keyPath: key, valueText: text, nameText: Self.nameText(value, serialized: text), line: mark?.line ?? 1,
            column: mark?.column ?? 1)
    }

    private func keyPath(_ node: Node?, path: String, within parent: Node) throws(ConfigurationError) -> String {
        guard let node, case .scalar(let scalar) = node else {
            throw error(at: path, node: node ?? parent, value: nil, "expected a plan key path such as quotas.basis")
        }
        do {
            _ = try PlanOverride.components(scalar.string)
        } catch {
            throw self.error(at: path, node: node, value: scalar.string, "\(error)")
        }
        return scalar.string
    }

    private func mapping(_ node: Node, path: String, allowed: Set<String>) throws(ConfigurationError) -> [String: Node]
    {
        guard case .mapping(let mapping) = node else {
            throw error(
                at: path, node: node, value: nil,
                "expected a mapping with keys \(allowed.sorted().joined(separator: ", "))")
        }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.string ?? ""
            guard allowed.contains(name) else {
                let at = path.isEmpty ? name : "\(path).\(name)"
                throw error(
                    at: at, node: key, value: name,
                    "unknown key; expected one of \(allowed.sorted().joined(separator: ", "))", kind: .unknownKey)
            }
            fields[name] = value
        }
        return fields
    }

    func error(
        at keyPath: String, node: Node? = nil, value: String?, _ message: String,
        kind: ConfigurationError.Kind = .invalidValue
    ) -> ConfigurationError {
        let mark = (node ?? root).mark
        return ConfigurationError(
            kind: kind, file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, keyPath: keyPath,
            value: value, message: message)
    }

    /// A scenario or axis name: it becomes part of a folder name.
    static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 120 && text != "." && text != ".."
            && text.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) || "._=,+-".unicodeScalars.contains($0)
            }
    }

    /// The last key of a path (`potential` for `territories.tolerance.potential`).
    static func defaultLabel(_ key: String) -> String {
        let last = key.split(separator: ".").last.map(String.init) ?? key
        return last.split(separator: "[").first.map(String.init) ?? last
    }

    /// A value as it appears in a scenario name: a scalar as written, a list of scalars joined by `+`
    /// (`0.05+0.05+0.10`), anything else its YAML text; characters other than letters, digits and
    /// `. _ + -` become `_`.
    static func nameText(_ value: Node, serialized: String) -> String {
        let text: String
        switch value {
        case .scalar(let scalar):
            text = scalar.string
        case .sequence(let items) where items.allSatisfy({ $0.scalar != nil }):
            text = items.compactMap { $0.scalar?.string }.joined(separator: "+")
        default:
            text = serialized
        }
        return String(
            text.unicodeScalars.map { scalar in
                CharacterSet.alphanumerics.contains(scalar) || "._+-".unicodeScalars.contains(scalar)
                    ? Character(scalar) : "_"
            })
    }
}
