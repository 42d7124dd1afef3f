import Foundation

/// The scenarios: the comparison's side-by-side table with each column's best value marked (as the
/// comparison marked it), and small multiples: one bar chart per column, one bar per scenario.
struct ScenarioSection {
    let results: ScenarioResults

    func html() -> String {
        let columns = results.columns
        var html = "<p class=\"legend\">Batch \(HTMLText.escape(results.batch)): \(results.rows.count) scenarios. "
        html += "<span class=\"best-key\">★ bold</span> marks the best value of a column (ties all marked); "
        html += "columns without a direction (quota percentiles) are not ranked. A clock-limited run may give other "
        html += "figures on another machine.</p>"
        html +=
            "<div class=\"scroll\"><table class=\"data\" id=\"scenario-table\"><thead><tr><th>Scenario</th><th>Status</th>"
        html += columns.map {
            "<th class=\"num\">\(HTMLText.escape(Self.label($0.name)))<br><span class=\"id\">\(Self.directionWords($0.direction))</span></th>"
        }.joined()
        html += "</tr></thead><tbody>"
        for row in results.rows {
            html += "<tr><td>\(HTMLText.escape(row.scenario))</td><td>\(HTMLText.escape(row.status))"
            html += row.clockLimited ? " <span class=\"flag\">clock</span>" : ""
            html += "</td>"
            for (k, value) in row.values.enumerated() {
                guard let value else {
                    html += "<td class=\"num\">–</td>"
                    continue
                }
                let text = HTMLText.escape(Self.format(value, column: columns[k].name))
                html +=
                    results.isBest(row, column: k)
                    ? "<td class=\"num best\"><b>\(text)</b> <span aria-label=\"best\">★</span></td>"
                    : "<td class=\"num\">\(text)</td>"
            }
            html += "</tr>"
        }
        html += "</tbody></table></div><h3>Key metrics side by side</h3><div class=\"multiples\">"
        for (k, column) in columns.enumerated() {
            let rows = results.rows.map { row in
                (label: row.scenario, value: row.values[k], marked: results.isBest(row, column: k))
            }
            guard rows.contains(where: { $0.value != nil }) else { continue }
            html += ChartParts.barChart(
                id: "scenario-multiple-\(k)", rows: rows,
                title: "\(Self.label(column.name)) (\(Self.directionWords(column.direction)))"
            ) { Self.format($0, column: column.name) }
        }
        return html + "</div>"
    }

    /// A column's heading: `max_deviation.potential` → `Max deviation, potential`.
    static func label(_ name: String) -> String {
        let known = [
            "moved_accounts": "Accounts moved", "moved_value_share": "Value moved", "travel": "Weighted travel",
            "quota_p10": "Seat quota P10", "quota_p50": "Seat quota P50", "quota_p90": "Seat quota P90",
            "quota_gini": "Quota Gini", "expected_share_at_or_above_quota": "Expected share at quota",
            "cost_of_sales.p50": "Cost of sales P50", "cost.p10": "Plan cost P10", "cost.p50": "Plan cost P50",
            "cost.p90": "Plan cost P90", "share_at_quota.p50": "Simulated share at quota P50",
        ]
        if let text = known[name] { return text }
        if name.hasPrefix("max_deviation.") { return "Max deviation, " + name.dropFirst("max_deviation.".count) }
        let words = name.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    static func directionWords(_ direction: String) -> String {
        switch direction {
        case "lower": "lower is better"
        case "higher": "higher is better"
        default: "not ranked"
        }
    }

    /// Shares and ratios (cost of sales, the simulated share at quota) as percentages, quotas and
    /// costs in dollars, the Gini with three decimals, counts with separators.
    static func format(_ value: Double, column: String) -> String {
        if column.hasPrefix("max_deviation.") || column.hasSuffix("_share") || column.hasSuffix("at_or_above_quota")
            || column.hasPrefix("cost_of_sales.") || column.hasPrefix("share_at_quota.")
        {
            return HTMLText.percent(value)
        }
        if column == "quota_gini" { return HTMLText.number(value, decimals: 3) }
        if column.hasPrefix("quota_") || column.contains("cost") { return HTMLText.currency(value) }
        return HTMLText.number(value)
    }
}
