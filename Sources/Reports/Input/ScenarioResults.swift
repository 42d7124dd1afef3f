import Foundation
import SalesData

/// A scenario comparison as `meridian scenarios compare` writes it (`compare.json`): the Reports
/// module's own view of Planning's `ScenarioComparison`, decoded from its Codable shape.
///
/// ```json
/// {"batch": "demo-2026",
///  "columns": [{"name": "max_deviation.potential", "direction": "lower", "best": ["base"]}],
///  "rows": [{"scenario": "base", "status": "completed", "runID": "…", "clockLimited": false, "values": [0.12]}]}
/// ```
struct ScenarioResults: Sendable, Decodable {
    /// A column: a metric name, which way it ranks (`lower`, `higher`, `none`), its best scenarios.
    struct Column: Sendable, Decodable {
        var name: String
        var direction: String
        var best: [String]
    }

    /// A scenario's row: one value per column, `nil` where its run has no such metric.
    struct Row: Sendable, Decodable {
        var scenario: String
        var status: String
        var runID: String?
        var clockLimited: Bool
        var values: [Double?]
    }

    var batch: String
    var columns: [Column]
    var rows: [Row]

    /// Reads and checks a `compare.json`.
    ///
    /// - Throws: ``ReportsError/unreadable(file:reason:)`` when the file cannot be read,
    ///   ``ReportsError/badFile(file:line:reason:)`` when it is not a comparison or a row's values do
    ///   not match the columns.
    static func load(_ url: URL) throws -> ScenarioResults {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ReportsError.unreadable(file: url.path, reason: AtomicFolder.plainReason(error))
        }
        let results: ScenarioResults
        do { results = try JSONDecoder().decode(ScenarioResults.self, from: data) } catch {
            throw ReportsError.badFile(
                file: url.path, line: 1,
                reason:
                    "not a scenario comparison (\(String(describing: error).prefix(200))); expected the compare.json of meridian scenarios compare"
            )
        }
        for row in results.rows where row.values.count != results.columns.count {
            throw ReportsError.badFile(
                file: url.path, line: 1,
                reason:
                    "scenario '\(row.scenario.prefix(200))' has \(row.values.count) values; expected one per column (\(results.columns.count))"
            )
        }
        return results
    }

    /// Whether `row`'s value in column `index` is marked best.
    func isBest(_ row: Row, column index: Int) -> Bool { columns[index].best.contains(row.scenario) }
}
