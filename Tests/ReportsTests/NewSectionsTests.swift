import Foundation
import Testing

@testable import Reports

/// Golden structure of the pay, scenarios and insights sections and of the territory step's
/// "before" figures, on the small fixture of ``ReportFixture``.
@Suite struct NewSectionsTests {
    private func render(_ root: URL) throws -> String {
        var sources = try ReportSources.discover(in: root)
        sources.stateOutline = ReportFixture.stateOutline
        return try HTMLReport(sources: sources).render()
    }

    /// The body of section `id`.
    private func section(_ id: String, of html: String) throws -> String {
        let start = try #require(html.range(of: "<section id=\"\(id)\""))
        let rest = html[start.upperBound...]
        return String(rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)])
    }

    @Test func discoveryFindsCompSimulationPlansComparisonAndInsights() throws {
        let sources = try ReportSources.discover(in: try ReportFixture.writeAll())
        #expect(sources.pay?.lastPathComponent == "comp")
        #expect(sources.simulation?.lastPathComponent == "simulation")
        #expect(sources.plans?.lastPathComponent == "plans")
        #expect(sources.scenarios?.path.hasSuffix("scenarios/compare.json") == true)
        #expect(sources.insights?.lastPathComponent == "insights")
    }

    @Test func payoutCurveFollowsThePlansTiers() throws {
        let root = try ReportFixture.writeAll()
        let pay = try PayResults.load(
            comp: root.appendingPathComponent("comp"), simulation: nil, plans: root.appendingPathComponent("plans"))
        let curve = try #require(pay.curves.first)
        #expect(curve.plan == "AE-T" && curve.targetIncentive == 100_000)
        let multiples = try #require(curve.components.first?.multiples)
        #expect(multiples.count == 251)
        // a × TI to quota, then 1 + 2 (a − 1): 50 % → 0.5, 100 % → 1, 150 % → 2, 250 % → 4
        for (index, expected) in [(0, 0.0), (50, 0.5), (100, 1), (150, 2), (250, 4)] {
            #expect(abs(multiples[index] - expected) < 1e-9, "at \(index) %")
        }
        // the latest window only: three people
        #expect(pay.attainments.map(\.values) == [[0.5, 1.2, 0.9]])
    }

    @Test func paySectionHasCurvesHistogramsAndPercentiles() throws {
        let pay = try section("pay", of: try render(try ReportFixture.writeAll()))
        #expect(ReportFixture.count("<path class=\"line", in: pay) == 1)  // one component, no total line
        #expect(ReportFixture.count("<svg id=\"pay-curve-", in: pay) == 1)
        let attainment = try #require(pay.components(separatedBy: "id=\"pay-attainment-0\"").last)
        let bins = attainment.components(separatedBy: "</svg>")[0]
        #expect(ReportFixture.count("<rect class=\"bin\"", in: bins) == 3)
        #expect(bins.contains(": 1 people</title>"))
        #expect(ReportFixture.count("<g class=\"range\">", in: pay) == 6)  // 2 scenarios × 3 figures
        #expect(pay.contains("<td class=\"num\">$990,000<span class=\"se\"> ± $1,500</span></td>"))
        #expect(pay.contains("<td class=\"num\">7.9%<span class=\"se\"> ± 0.1%</span></td>"))
        #expect(ReportFixture.count("<tr><td>", in: pay.components(separatedBy: "pay-percentiles").last ?? "") == 8)
        #expect(pay.contains("id=\"pay-hit-histogram\""))
        #expect(pay.contains("Payout (% of target incentive)") && pay.contains("Attainment (% of quota)"))
    }

    @Test func payWithoutPlansSaysHowToGetCurves() throws {
        let root = try ReportFixture.writeAll()
        try FileManager.default.removeItem(at: root.appendingPathComponent("plans"))
        let pay = try section("pay", of: try render(root))
        #expect(!pay.contains("pay-curve-"))
        #expect(pay.contains("give --plans DIR"))
    }

    @Test func scenarioTableMarksEachColumnsBest() throws {
        let scenarios = try section("scenarios", of: try render(try ReportFixture.writeAll()))
        let table = try #require(scenarios.components(separatedBy: "</table>").first)
        #expect(ReportFixture.count("<td class=\"num best\">", in: table) == 4)
        #expect(table.contains("<td class=\"num best\"><b>9.0%</b>"))
        #expect(table.contains("<td class=\"num best\"><b>1,200</b>"))
        #expect(table.contains("<td class=\"num\">$250,000</td>"))  // unranked: never marked
        #expect(table.contains("tight</td><td>completed <span class=\"flag\">clock</span>"))
        #expect(ReportFixture.count("<td class=\"num\">–</td>", in: table) == 4)  // the failed scenario
        // small multiples: one chart per column, a bar per scenario with a value, the best in the highlight
        #expect(ReportFixture.count("<svg id=\"scenario-multiple-", in: scenarios) == 4)
        #expect(ReportFixture.count("<rect class=\"sbar", in: scenarios) == 8)
        #expect(ReportFixture.count("<rect class=\"sbar best\"", in: scenarios) == 4)
    }

    /// The simulation step's columns read as what they are: ratios as percentages, costs in dollars.
    @Test func simulationColumnsAreLabelledAndFormatted() {
        #expect(ScenarioSection.format(0.1151, column: "cost_of_sales.p50") == HTMLText.percent(0.1151))
        #expect(ScenarioSection.format(0.1917, column: "share_at_quota.p50") == HTMLText.percent(0.1917))
        #expect(ScenarioSection.format(7_418_338, column: "cost.p50") == "$7,418,338")
        #expect(ScenarioSection.label("cost_of_sales.p50") == "Cost of sales P50")
        #expect(ScenarioSection.label("cost.p90") == "Plan cost P90")
    }

    @Test func aComparisonWithValuesMissingIsBadData() throws {
        let root = try ReportFixture.writeAll()
        try ReportFixture.put(
            #"{"batch":"b","columns":[{"name":"travel","direction":"lower","best":[]}],"rows":[{"scenario":"s","status":"completed","clockLimited":false,"values":[]}]}"#,
            "scenarios/compare.json", in: root)
        #expect(throws: ReportsError.self) { try render(root) }
    }

    @Test func insightsShowCompanyCardsTeamsAttainmentAndLeaderboard() throws {
        let insights = try section("insights", of: try render(try ReportFixture.writeAll()))
        #expect(insights.contains("Company scorecard, 2026-Q1"))
        #expect(insights.contains("<div class=\"value\">$2,400,000</div>"))
        #expect(insights.contains("<div class=\"value\">2.50×</div>"))
        let teams = try #require(insights.components(separatedBy: "id=\"team-scorecards\"").last)
        #expect(ReportFixture.count("<tr><td>", in: teams.components(separatedBy: "</table>")[0]) == 2)
        let histogram = try #require(insights.components(separatedBy: "id=\"insights-attainment\"").last)
        #expect(ReportFixture.count("<rect class=\"bin\"", in: histogram.components(separatedBy: "</svg>")[0]) == 3)
        let board = try #require(insights.components(separatedBy: "id=\"leaderboard\"").last)
        #expect(ReportFixture.count("<tr><td", in: board) == 3)
        #expect(board.contains("1,250.5") && !board.contains(">R2<"))  // names shown, ids hidden
    }

    @Test func balanceDrawsTheTerritoryStepsBeforeFiguresAndBand() throws {
        let root = try ReportFixture.write()
        try ReportFixture.put(ReportFixture.territoriesBefore, "territories/territories_before.csv", in: root)
        try ReportFixture.put(ReportFixture.metricsWithBefore, "territories/metrics.json", in: root)
        try FileManager.default.removeItem(at: root.appendingPathComponent("inputs"))  // no accounts file
        let balance = try section("balance", of: try render(root))
        #expect(balance.contains("T1 before: +35.0%") && balance.contains("T2 before: −25.0%"))
        #expect(ReportFixture.count("<rect class=\"bar before", in: balance) == 6)
        #expect(ReportFixture.count("<rect class=\"band\"", in: balance) == 2)
        #expect(balance.contains("Outside the band: 2 before, 0 after."))  // potential: T1 +35 %, T2 −25 %
        #expect(balance.contains("today's alignment, as the territory step measured it"))
        #expect(balance.contains("<div class=\"value\">35.0% → 10.0%</div>"))
        #expect(balance.contains("<div class=\"value\">30 = 10.0%</div>"))
        let table = try #require(balance.components(separatedBy: "id=\"compactness\"").last)
        #expect(table.contains("<th class=\"num\">Before</th><th class=\"num\">After</th>"))
        #expect(table.contains("<td class=\"num\">800</td><td class=\"num\">600</td>"))
        #expect(table.contains("Territories not contiguous</th><td class=\"num\">2</td><td class=\"num\">1</td>"))
    }
}
