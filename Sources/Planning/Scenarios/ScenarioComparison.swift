import Foundation
import RunStore
import SalesData

/// The side-by-side table of a scenario batch: one row per scenario, one column per measure, the best
/// value of each rankable column marked.
///
/// Columns come from the runs' recorded step metrics, so the table can be built from the store alone
/// (also when the scenarios ran on other machines):
/// - `max_deviation.<measure>` (territories, lower is better), `moved_accounts`, `moved_value_share`,
///   `travel` (lower is better);
/// - `quota_p10`, `quota_p50`, `quota_p90` (seat quotas; descriptive, not ranked), `quota_gini`
///   (lower is better), `expected_share_at_or_above_quota` (higher is better).
///
/// A scenario whose run failed, or that has not run, has an empty row with its status. A run a clock
/// stopped (any step `clockLimited`) is flagged in the `clock` column: its figures may differ on
/// another machine.
public struct ScenarioComparison: Sendable, Hashable, Codable {
    /// Which way a column ranks.
    public enum Direction: String, Sendable, Hashable, Codable {
        case lowerIsBetter = "lower", higherIsBetter = "higher", unranked = "none"
    }

    public struct Column: Sendable, Hashable, Codable {
        public var name: String
        public var direction: Direction
        /// The scenarios holding the best value (ties all marked); empty for unranked columns.
        public var best: [String]
    }

    public struct Row: Sendable, Hashable, Codable {
        public var scenario: String
        /// `completed`, `failed` or `not run`.
        public var status: String
        public var runID: String?
        public var clockLimited: Bool
        /// One value per column, `nil` where the run has no such metric.
        public var values: [Double?]
    }

    public var batch: String
    public var columns: [Column]
    public var rows: [Row]

    /// The comparison of `scenarios` (in file order) from their runs, keyed by scenario name.
    public init(batch: String, scenarios: [Scenario], runs: [String: RunRecord]) {
        self.batch = batch
        var metricsByScenario: [String: [String: Double]] = [:]
        for (name, run) in runs where run.status == .completed {
            var metrics: [String: Double] = [:]
            for step in run.steps {
                for (key, value) in step.metrics { metrics[key] = value }
            }
            metricsByScenario[name] = metrics
        }
        let measures = Set(metricsByScenario.values.flatMap(\.keys)).filter { $0.hasPrefix("max_deviation.") }.sorted()
        var columns = measures.map { Column(name: $0, direction: .lowerIsBetter, best: []) }
        columns += [
            Column(name: "moved_accounts", direction: .lowerIsBetter, best: []),
            Column(name: "moved_value_share", direction: .lowerIsBetter, best: []),
            Column(name: "travel", direction: .lowerIsBetter, best: []),
            Column(name: "quota_p10", direction: .unranked, best: []),
            Column(name: "quota_p50", direction: .unranked, best: []),
            Column(name: "quota_p90", direction: .unranked, best: []),
            Column(name: "quota_gini", direction: .lowerIsBetter, best: []),
            Column(name: "expected_share_at_or_above_quota", direction: .higherIsBetter, best: []),
        ]
        // the comp and simulation figures, when some run recorded them
        let recorded = Set(metricsByScenario.values.flatMap(\.keys))
        columns += Self.optionalColumns.filter { recorded.contains($0.name) }
        rows = scenarios.map { scenario in
            let run = runs[scenario.name]
            let metrics = metricsByScenario[scenario.name] ?? [:]
            return Row(
                scenario: scenario.name, status: run?.status.rawValue ?? "not run", runID: run?.id,
                clockLimited: run?.steps.contains(where: \.clockLimited) ?? false,
                values: columns.map { metrics[$0.name].flatMap { $0.isFinite ? $0 : nil } })
        }
        for index in columns.indices where columns[index].direction != .unranked {
            let values = rows.compactMap { row in row.values[index].map { (row.scenario, $0) } }
            let pick = columns[index].direction == .lowerIsBetter ? values.map(\.1).min() : values.map(\.1).max()
            if let pick { columns[index].best = values.filter { $0.1 == pick }.map(\.0) }
        }
        self.columns = columns
    }

    /// Columns shown only when some run recorded them, named as the simulation step records them
    /// (`PlanState.simulationMetrics`): the median cost of sales (lowest best), the plan cost at P10,
    /// P50 and P90 (descriptive) and the median share of people at or above quota (highest best).
    static let optionalColumns = [
        Column(name: "cost_of_sales.p50", direction: .lowerIsBetter, best: []),
        Column(name: "cost.p10", direction: .unranked, best: []),
        Column(name: "cost.p50", direction: .unranked, best: []),
        Column(name: "cost.p90", direction: .unranked, best: []),
        Column(name: "share_at_quota.p50", direction: .higherIsBetter, best: []),
    ]

    /// The comparison as JSON (keys sorted, two-space indents): the stable shape `docs/scale-out.md`
    /// documents and the report reads as `compare.json`.
    public var json: String {
        get throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
        }
    }

    /// Whether `row`'s value in column `index` is the column's best.
    public func isBest(_ row: Row, column index: Int) -> Bool {
        columns[index].best.contains(row.scenario)
    }

    /// The terminal table: best values marked `*`, clock-limited runs marked in the `clock` column.
    public var table: String {
        var table = TextTable(
            ["scenario", "status", "clock"] + columns.map(\.name),
            numeric: [false, false, false] + columns.map { _ in true })
        for row in rows {
            table.append(
                [row.scenario, row.status, row.clockLimited ? "limited" : ""]
                    + columns.indices.map { index in
                        row.values[index].map {
                            Self.format($0, column: columns[index].name) + (isBest(row, column: index) ? "*" : " ")
                        }
                            ?? "- "
                    })
        }
        return table.rendered + "* best in its column (lower is better, except expected_share_at_or_above_quota)\n"
    }

    /// CSV with a header, one line per scenario, and a last `best` line naming each column's best
    /// scenarios (separated by `;`).
    public var csv: String {
        var lines = [(["scenario", "status", "run", "clock_limited"] + columns.map(\.name)).joined(separator: ",")]
        for row in rows {
            let cells =
                [Self.csvField(row.scenario), row.status, row.runID ?? "", row.clockLimited ? "1" : "0"]
                + row.values.map { $0.map { String($0) } ?? "" }
            lines.append(cells.joined(separator: ","))
        }
        lines.append(
            (["best", "", "", ""] + columns.map { Self.csvField($0.best.joined(separator: ";")) }).joined(
                separator: ","))
        return lines.joined(separator: "\n") + "\n"
    }

    static func csvField(_ text: String) -> String { ColumnTable.quote(text) }

    static func format(_ value: Double, column: String) -> String {
        if column.hasPrefix("max_deviation.") || column.hasSuffix("_share")
            || column.hasSuffix("share_at_or_above_quota") || column.hasPrefix("cost_of_sales.")
            || column.hasPrefix("share_at_quota.")
        {
            return String(format: "%.1f%%", value * 100)
        }
        if column == "quota_gini" { return String(format: "%.3f", value) }
        if abs(value) >= 1e6 { return String(format: "%.2fM", value / 1e6) }
        return String(format: "%.0f", value)
    }
}

extension ScenarioComparison {
    /// The comparison of a batch as its store holds it: the completed scenarios' runs, in file order.
    ///
    /// - Throws: the store's errors.
    public init(file: ScenarioFile, store: any RunStore) async throws {
        var runs: [String: RunRecord] = [:]
        for (scenario, runID) in try await store.completedScenarios(batch: file.batch) {
            if let run = try await store.run(id: runID) { runs[scenario] = run }
        }
        self.init(batch: file.batch, scenarios: file.scenarios, runs: runs)
    }

    /// The comparison of a batch known only by its id (the scenario file is not at hand): its completed
    /// scenarios, by name.
    ///
    /// - Throws: ``PlanningError/invalidValue(key:value:expected:)`` when the store holds no completed
    ///   scenario of `batch`; the store's errors.
    public init(batch: String, store: any RunStore) async throws {
        var runs: [String: RunRecord] = [:]
        for (scenario, runID) in try await store.completedScenarios(batch: batch) {
            if let run = try await store.run(id: runID) { runs[scenario] = run }
        }
        guard !runs.isEmpty else {
            throw PlanningError.invalidValue(
                key: "--batch", value: batch, expected: "the id of a batch with completed scenarios in the store")
        }
        let scenarios = runs.keys.sorted().map { Scenario(name: $0, overrides: []) }
        self.init(batch: batch, scenarios: scenarios, runs: runs)
    }
}
