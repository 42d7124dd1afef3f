import Foundation
import SalesData

/// The insights: the company scorecard as cards, the team scorecards as a table, the reps'
/// attainment as a histogram, and the leaderboards (points, never pay) when the step wrote them.
///
/// Reads `scorecards.csv`, `leaderboard.csv` and `team_leaderboard.csv` of the insights folder.
struct InsightsSection {
    let folder: URL
    static let leaderboardRows = 20

    /// One scorecard row: the figures the section shows.
    struct Card {
        var level: String
        var name: String
        var period: String
        var figures: [String: Double]
    }

    static let figureColumns = [
        "quota", "bookings", "attainment", "pace", "coverage", "open_pipeline", "win_rate", "average_deal",
        "cycle_days",
    ]

    func html() throws -> String {
        var html = ""
        let scorecardsURL = folder.appendingPathComponent("scorecards.csv")
        if FileManager.default.fileExists(atPath: scorecardsURL.path) {
            let cards = try Self.cards(scorecardsURL)
            if let company = cards.first(where: { $0.level == "company" }) {
                html += "<h3>Company scorecard, \(HTMLText.escape(company.period))</h3><div class=\"cards\">"
                for (label, key, format) in Self.cardFigures {
                    guard let value = company.figures[key] else { continue }
                    html +=
                        "<div class=\"card\"><div class=\"label\">\(label)</div><div class=\"value\">\(HTMLText.escape(format(value)))</div></div>"
                }
                html += "</div>"
            }
            let teams = cards.filter { $0.level == "team" }
            if !teams.isEmpty {
                html +=
                    "<h3>Team scorecards</h3><div class=\"scroll\"><table class=\"data\" id=\"team-scorecards\"><thead><tr><th>Team</th>"
                html += Self.cardFigures.map { "<th class=\"num\">\($0.0)</th>" }.joined() + "</tr></thead><tbody>"
                for team in teams {
                    html += "<tr><td>\(HTMLText.escape(team.name))</td>"
                    html += Self.cardFigures.map { _, key, format in
                        "<td class=\"num\">\(team.figures[key].map { HTMLText.escape(format($0)) } ?? "–")</td>"
                    }.joined()
                    html += "</tr>"
                }
                html += "</tbody></table></div>"
            }
            let reps = cards.filter { $0.level == "rep" }.compactMap { $0.figures["attainment"] }
            if !reps.isEmpty {
                let top = min(3, max(1.5, ChartScale.niceUpper(reps.max() ?? 1)))
                html +=
                    "<div class=\"charts\"><figure>"
                    + ChartParts.histogram(
                        id: "insights-attainment", values: reps, domain: (0, top), bins: 20,
                        xLabel: "Attainment to date (% of quota)", format: { HTMLText.percent($0, decimals: 0) },
                        markers: [(1, "quota")], unit: "reps")
                    + "<figcaption>Attainment to date of \(HTMLText.number(Double(reps.count))) reps "
                    + "(above \(HTMLText.percent(top, decimals: 0)) in the last bin).</figcaption></figure></div>"
            }
        }
        html += try leaderboard("leaderboard.csv", title: "Leaderboard: reps", id: "leaderboard")
        html += try leaderboard("team_leaderboard.csv", title: "Leaderboard: teams", id: "team-leaderboard")
        return html
    }

    /// Cards and team columns: label, column, format.
    static let cardFigures: [(String, String, @Sendable (Double) -> String)] = [
        ("Quota", "quota", { HTMLText.currency($0) }), ("Bookings", "bookings", { HTMLText.currency($0) }),
        ("Attainment", "attainment", { HTMLText.percent($0) }), ("Pace", "pace", { HTMLText.percent($0) }),
        ("Pipeline coverage", "coverage", { HTMLText.number($0, decimals: 2) + "×" }),
        ("Open pipeline", "open_pipeline", { HTMLText.currency($0) }),
        ("Win rate", "win_rate", { HTMLText.percent($0) }),
        ("Average deal", "average_deal", { HTMLText.currency($0) }),
        ("Sales cycle", "cycle_days", { HTMLText.number($0) + " days" }),
    ]

    static func cards(_ url: URL) throws -> [Card] {
        let table = try ColumnTable(contentsOf: url)
        let levels = try table.strings("level"), names = try table.strings("name")
        let periods = table.has("period") ? try table.strings("period") : Array(repeating: nil, count: table.rowCount)
        let columns = try figureColumns.map { table.has($0) ? try table.numbers($0) : [] }
        return (0..<table.rowCount).map { r in
            var figures: [String: Double] = [:]
            for (k, name) in figureColumns.enumerated() where !columns[k].isEmpty {
                if let x = columns[k][r], x.isFinite { figures[name] = x }
            }
            return Card(level: levels[r] ?? "", name: names[r] ?? "", period: periods[r] ?? "", figures: figures)
        }
    }

    /// The first ``leaderboardRows`` rows of a leaderboard file, numbers with separators.
    private func leaderboard(_ file: String, title: String, id: String) throws -> String {
        let url = folder.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { return "" }
        let table = try ColumnTable(contentsOf: url)
        let shown = table.columnNames.filter { !["rep_id", "team_id"].contains($0) || !table.has("name") }
        let columns = try shown.map { try table.strings($0) }
        var html =
            "<h3>\(HTMLText.escape(title))</h3><div class=\"scroll\"><table class=\"data\" id=\"\(id)\"><thead><tr>"
        html += shown.map { "<th>\(HTMLText.escape($0.replacingOccurrences(of: "_", with: " ")))</th>" }.joined()
        html += "</tr></thead><tbody>"
        for r in 0..<min(table.rowCount, Self.leaderboardRows) {
            html += "<tr>"
            for column in columns {
                let cell = column[r] ?? ""
                if let x = Double(cell), x.isFinite {
                    html += "<td class=\"num\">\(HTMLText.number(x, decimals: cell.contains(".") ? 1 : 0))</td>"
                } else {
                    html += "<td>\(HTMLText.escape(cell))</td>"
                }
            }
            html += "</tr>"
        }
        html += "</tbody></table></div>"
        if table.rowCount > Self.leaderboardRows {
            html +=
                "<p class=\"note\">Top \(Self.leaderboardRows) of \(HTMLText.number(Double(table.rowCount))); points and ranks only, never pay.</p>"
        }
        return html
    }
}
