import SalesData
import Yams

/// A YAML node with its file and position, read strictly: a mapping must list only known keys, and
/// every value is checked for its type, each failure naming `file:line:column` and the key path.
///
/// ```swift
/// let root = try StrictYAML.parse("plan: AE\nversions: []\n", file: "ae.yaml")
/// let keys = try root.mapping(allowed: ["plan", "versions"])
/// try keys.required("plan").string()          // "AE"
/// ```
///
/// Kept small and self-contained so it can be swapped for the shared strict decoder in SalesData
/// once that lands: only `CompPlan+YAML.swift` uses it.
struct StrictYAML {
    let node: Node
    let file: String
    /// Dotted key path from the document root, for example `versions[0].components[1].weight`.
    let path: String

    /// Parses `text`; an empty document is an empty mapping.
    ///
    /// - Throws: ``IncentivesError/invalidInput(file:line:column:value:expected:)`` for malformed YAML.
    static func parse(_ text: String, file: String) throws(IncentivesError) -> StrictYAML {
        do {
            let node = try Yams.compose(yaml: text) ?? Node.mapping(Node.Mapping([]))
            return StrictYAML(node: node, file: file, path: "")
        } catch let YamlError.scanner(_, problem, mark, _), let YamlError.parser(_, problem, mark, _),
            let YamlError.composer(_, problem, mark, _)
        {
            throw .invalidInput(
                file: file, line: mark.line, column: mark.column, value: "", expected: "valid YAML (\(problem))")
        } catch {
            throw .invalidInput(file: file, line: 1, column: 1, value: "", expected: "valid YAML (\(error))")
        }
    }

    /// Where this node starts.
    var location: SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    /// A located error about this node.
    func error(_ expected: String) -> IncentivesError {
        let value = node.scalar?.string ?? ""
        let key = path.isEmpty ? "" : "\(path): "
        return location.error(value, expected: key + expected)
    }

    /// The keys of a mapping, rejecting keys outside `allowed` and duplicates.
    func mapping(allowed: Set<String>) throws(IncentivesError) -> StrictMapping {
        guard case .mapping(let mapping) = node else {
            throw error("a mapping with keys \(allowed.sorted().joined(separator: ", "))")
        }
        var entries: [String: StrictYAML] = [:]
        var keyNodes: [String: StrictYAML] = [:]
        for (key, value) in mapping {
            let keyNode = StrictYAML(node: key, file: file, path: path)
            guard let name = key.scalar?.string else { throw keyNode.error("a plain key") }
            let child = StrictYAML(node: value, file: file, path: path.isEmpty ? name : "\(path).\(name)")
            guard allowed.contains(name) else {
                throw keyNode.location.error(
                    name,
                    expected:
                        "one of the keys \(allowed.sorted().joined(separator: ", ")) at \(path.isEmpty ? "the top level" : path)"
                )
            }
            guard entries[name] == nil else { throw keyNode.location.error(name, expected: "each key once") }
            entries[name] = child
            keyNodes[name] = keyNode
        }
        return StrictMapping(owner: self, entries: entries, keys: keyNodes)
    }

    /// The items of a sequence.
    func sequence() throws(IncentivesError) -> [StrictYAML] {
        guard case .sequence(let sequence) = node else { throw error("a list") }
        return sequence.enumerated().map { StrictYAML(node: $1, file: file, path: "\(path)[\($0)]") }
    }

    /// A scalar as text.
    func string() throws(IncentivesError) -> String {
        guard let scalar = node.scalar else { throw error("a single value") }
        return scalar.string
    }

    /// A list of strings, accepting a single value as a one-item list.
    func strings() throws(IncentivesError) -> [String] {
        if node.scalar != nil { return [try string()] }
        var result: [String] = []
        for item in try sequence() { result.append(try item.string()) }
        return result
    }

    /// An exact decimal factor (`1.5`, `3%`).
    func rate() throws(IncentivesError) -> Rate {
        let text = try string()
        do {
            let value = try Rate(parsing: text)
            guard abs(value.micros) <= 1_000_000 * Rate.unit else {
                throw IncentivesError.invalidNumber(text, expected: "")
            }
            return value
        } catch {
            throw self.error("a decimal number with at most 6 places, e.g. 1.5 or 3%")
        }
    }

    /// An amount of money (at most 2 decimals, at most 10^13).
    func money() throws(IncentivesError) -> Money {
        let text = try string()
        guard let value = try? Money(parsing: text), abs(value.cents) <= 1_000_000_000_000_000 else {
            throw error("an amount with at most 2 decimals, e.g. 100000 or 1234.50")
        }
        return value
    }

    /// A non-negative integer.
    func integer(in range: ClosedRange<Int>) throws(IncentivesError) -> Int {
        guard let value = Int(try string()), range.contains(value) else { throw error("an integer in \(range)") }
        return value
    }

    /// A `YYYY-MM-DD` date.
    func date() throws(IncentivesError) -> CalendarDate {
        guard let date = try? CalendarDate(iso8601: try string()) else { throw error("a date YYYY-MM-DD") }
        return date
    }

    /// `true` or `false`.
    func bool() throws(IncentivesError) -> Bool {
        switch try string() {
        case "true": return true
        case "false": return false
        default: throw error("true or false")
        }
    }

    /// One of `choices`.
    func choice<T>(_ choices: [String: T]) throws(IncentivesError) -> T {
        let text = try string()
        guard let value = choices[text] else { throw error("one of \(choices.keys.sorted().joined(separator: ", "))") }
        return value
    }
}

/// The checked keys of one YAML mapping.
struct StrictMapping {
    let owner: StrictYAML
    let entries: [String: StrictYAML]
    let keys: [String: StrictYAML]

    /// The value of `key`, or `nil` when absent.
    subscript(_ key: String) -> StrictYAML? { entries[key] }

    /// The value of `key`, which must be present.
    func required(_ key: String) throws(IncentivesError) -> StrictYAML {
        guard let value = entries[key] else { throw owner.error("the key \(key) (required)") }
        return value
    }
}
