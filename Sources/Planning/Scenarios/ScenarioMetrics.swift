import Foundation
import RunStore
import SalesData

/// The comparison figures a plan run's steps do not record themselves, computed from the files a
/// scenario's run wrote and added to its record, so ``ScenarioComparison`` needs only the store.
///
/// - `travel` (territories step): the sum of `weighted_travel` over `territories/territories.csv`.
/// - `quota_p10`, `quota_p50`, `quota_p90`, `quota_gini` (quotas step): over the `quota` of the
///   `seat` rows of `quotas/quotas.csv`.
enum ScenarioMetrics {
    /// Adds the figures to the record's `territories` and `quotas` steps, read from `folder`.
    ///
    /// A step or file that is absent adds nothing.
    ///
    /// - Throws: the CSV reader's error when a file is there but malformed.
    static func adding(to record: RunRecord, from folder: URL) throws -> RunRecord {
        var record = record
        for index in record.steps.indices {
            switch record.steps[index].name {
            case "territories":
                let file = folder.appendingPathComponent("territories/territories.csv")
                guard FileManager.default.fileExists(atPath: file.path) else { continue }
                let table = try ColumnTable(contentsOf: file)
                guard table.has("weighted_travel") else { continue }
                record.steps[index].metrics["travel"] = try table.numbers("weighted_travel").compactMap { $0 }.reduce(
                    0, +)
            case "quotas":
                let file = folder.appendingPathComponent("quotas/quotas.csv")
                guard FileManager.default.fileExists(atPath: file.path) else { continue }
                let table = try ColumnTable(contentsOf: file)
                guard table.has("quota"), table.has("role") else { continue }
                let roles = try table.strings("role")
                let quotas = try table.numbers("quota")
                let seats = zip(roles, quotas).compactMap { role, quota in role == "seat" ? quota : nil }
                for (key, value) in Spread(seats).metrics { record.steps[index].metrics[key] = value }
            default:
                continue
            }
        }
        return record
    }

    /// Percentiles and Gini coefficient of a list of amounts.
    struct Spread {
        let sorted: [Double]

        init(_ values: [Double]) { sorted = values.filter(\.isFinite).sorted() }

        /// The `p` quantile by linear interpolation between order statistics (`p` in 0...1).
        func quantile(_ p: Double) -> Double? {
            guard !sorted.isEmpty else { return nil }
            let position = p * Double(sorted.count - 1)
            let lower = Int(position.rounded(.down))
            let upper = min(lower + 1, sorted.count - 1)
            return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
        }

        /// The Gini coefficient, `Σ (2i − n − 1) xᵢ / (n Σ x)` over the ascending values with `i` from 1.
        ///
        /// 0 when all are equal, `(n − 1)/n` when one holds everything; `nil` for no values or a total ≤ 0.
        var gini: Double? {
            let total = sorted.reduce(0, +)
            guard !sorted.isEmpty, total > 0 else { return nil }
            let n = Double(sorted.count)
            let weighted = sorted.enumerated().reduce(0.0) { sum, item in
                sum + (2 * Double(item.offset + 1) - n - 1) * item.element
            }
            return weighted / (n * total)
        }

        var metrics: [String: Double] {
            var metrics: [String: Double] = [:]
            metrics["quota_p10"] = quantile(0.1)
            metrics["quota_p50"] = quantile(0.5)
            metrics["quota_p90"] = quantile(0.9)
            metrics["quota_gini"] = gini
            return metrics
        }
    }
}
