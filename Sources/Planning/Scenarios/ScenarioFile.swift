import Foundation
import RunStore
import SalesData
import Yams

/// A scenario file: a base plan and the variants of it to run, as a list, a grid, or both.
///
/// ```yaml
/// plan: plan.yaml                 # relative to this file
/// grid:                           # every combination, first axis slowest
///   - key: territories.tolerance.potential
///     label: tolerance            # names the axis in scenario names (default: the key's last part)
///     values: [0.05, 0.10]
///   - key: quotas.over_assignment
///     values: [0.0, 0.05]
/// scenarios:                      # named variants, after the grid's
///   - name: stretch
///     set:
///       quotas.target: 118000000
/// ```
///
/// A grid scenario is named `label=value` per axis, joined by `,` (`tolerance=0.05,over_assignment=0.0`).
/// Values are YAML (a number, text, list or mapping) and replace the plan's value at the key path
/// (`a.b`, `a.list[2].c`), creating missing mapping keys; the plan's own strict decoding then rejects a
/// key the plan does not have. The file must produce at least one scenario, with unique names.
public struct ScenarioFile: Sendable {
    /// The file as named on the command line (in errors and records).
    public let path: String
    /// The base plan's path, resolved against the scenario file's folder.
    public let planPath: String
    /// The base plan's text.
    public let planText: String
    /// The scenarios in file order: the grid's combinations, then the listed ones.
    public let scenarios: [Scenario]
    /// The batch id: SHA-256 over the scenario file's and the base plan's texts, so editing either
    /// starts a new batch while re-running the same files resumes the old one.
    public let batch: String

    /// Reads the scenario file and its base plan.
    ///
    /// - Throws: `ConfigurationError` located in the scenario file (or the plan, when it is not YAML).
    public init(contentsOf url: URL) throws(ConfigurationError) {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ConfigurationError(
                kind: .unreadable, file: url.path, line: 1, column: 1, keyPath: "", value: nil,
                message: "cannot read the scenario file: \(error.localizedDescription)")
        }
        let root = try Self.compose(text, file: url.path)
        let planName = try ScenarioFileReader(file: url.path, root: root).planName()
        let planURL = URL(fileURLWithPath: planName, relativeTo: url.deletingLastPathComponent()).standardizedFileURL
        let planText: String
        do { planText = try String(contentsOf: planURL, encoding: .utf8) } catch {
            throw ScenarioFileReader(file: url.path, root: root).error(
                at: "plan", value: planName, "cannot read the base plan \(planURL.path): \(error.localizedDescription)")
        }
        try self.init(text: text, path: url.path, planText: planText, planPath: planURL.path)
    }

    /// Parses a scenario file's text with the base plan's text already read.
    ///
    /// - Throws: `ConfigurationError` located in the scenario file.
    public init(text: String, path: String, planText: String, planPath: String) throws(ConfigurationError) {
        let reader = ScenarioFileReader(file: path, root: try Self.compose(text, file: path))
        self.path = path
        self.planPath = planPath
        self.planText = planText
        scenarios = try reader.scenarios()
        batch = SHA256Digest.hex(of: "meridian scenario batch\n\(text)\n\(planText)")
        _ = try Self.compose(planText, file: planPath)
    }

    /// The plan text of `scenario`: the base plan with its overrides applied.
    ///
    /// - Throws: `ConfigurationError` located at the override in the scenario file when its key path
    ///   runs through a value that is not a mapping or list.
    public func planText(for scenario: Scenario) throws(ConfigurationError) -> String {
        var plan = try Self.compose(planText, file: planPath)
        for override in scenario.overrides {
            do {
                let value = try Yams.compose(yaml: override.valueText) ?? Node("null")
                plan = try PlanOverride.set(value, at: PlanOverride.components(override.keyPath), in: plan)
            } catch {
                throw ConfigurationError(
                    kind: .invalidValue, file: path, line: override.line, column: override.column,
                    keyPath: override.keyPath, value: nil, message: "\(error)")
            }
        }
        do {
            return try Yams.serialize(node: plan, sortKeys: false)
        } catch {
            throw ConfigurationError(
                kind: .invalidValue, file: path, line: 1, column: 1, keyPath: "", value: nil,
                message: "cannot write the plan of scenario \(scenario.name): \(error)")
        }
    }

    /// The scenarios shard `shard` runs: every `count`-th scenario starting at `index`, in file order.
    public func scenarios(in shard: Shard) -> [Scenario] {
        scenarios.enumerated().filter { $0.offset % shard.count == shard.index }.map(\.element)
    }

    static func compose(_ text: String, file: String) throws(ConfigurationError) -> Node {
        do {
            return try Yams.compose(yaml: text) ?? Node.mapping(Node.Mapping([]))
        } catch {
            // the one syntax-error locator lives in YAMLConfiguration
            _ = try YAMLConfiguration(yaml: text, file: file)
            throw ConfigurationError(
                kind: .syntax, file: file, line: 1, column: 1, keyPath: "", value: nil, message: "\(error)")
        }
    }
}

/// One variant of the base plan: a name and the plan values it sets.
public struct Scenario: Sendable, Hashable {
    /// Unique within its file; names the scenario's output folder and its run record.
    public let name: String
    /// The values set on the base plan, in order.
    public let overrides: [PlanOverride]
}

/// A plan value a scenario sets: a key path and a YAML value.
public struct PlanOverride: Sendable, Hashable {
    /// `territories.tolerance.potential`, `quotas.levels[1].weight`.
    public let keyPath: String
    /// The value as YAML text (`0.05`, `[a, b]`).
    public let valueText: String
    /// The value as scenario names show it (`0.05`, `0+0+0`).
    let nameText: String
    /// Where the override is written in the scenario file.
    let line: Int
    let column: Int
}

/// Which share of a batch one process runs: `index/count`, 0-based (`--shard 0/3`, `1/3`, `2/3`).
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// Every scenario.
    public static let all = Shard(validIndex: 0, count: 1)

    private init(validIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Reads `i/n` with `0 ≤ i < n`.
    ///
    /// - Throws: ``PlanningError/invalidValue(key:value:expected:)`` for anything else.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, count <= 100_000,
            (0..<count).contains(index)
        else {
            throw PlanningError.invalidValue(
                key: "--shard", value: text, expected: "i/n with 0 ≤ i < n ≤ 100000 (for example 0/3)")
        }
        self.init(validIndex: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }
}
