import Foundation
import Incentives
import SalesData
import TestSupport
import Testing

@testable import Planning

/// The insights step reads the quota step: each seat holder's scorecard quota for the period is the
/// sum of the quota plan's periods that make it up, by the holder at the period's end.
@Suite(.serialized) struct PlanInsightsQuotaTests {
    static func plan(company: URL, period: String) -> String {
        PlanPayStepsTests.quotaPlan(company: company) + """
            insights:
              period: \(period)
            """
    }

    /// `file`'s rows as dictionaries keyed by header, through SalesData's CSV reader (names may hold
    /// quoted commas).
    static func rows(_ file: URL) throws -> [[String: String]] {
        let table = try ColumnTable(contentsOf: file)
        let columns = try table.columnNames.map { try table.strings($0) }
        return (0..<table.rowCount).map { row in
            Dictionary(uniqueKeysWithValues: zip(table.columnNames, columns.map { $0[row] ?? "" }))
        }
    }

    @Test func scorecardsOfAQuarterCarryTheQuotaStepsQuarter() async throws {
        let folder = try Fixtures.temporaryFolder(prefix: "plan-insights")
        defer { try? FileManager.default.removeItem(at: folder) }
        let company = try PlanPayStepsTests.company(in: folder)
        let out = folder.appendingPathComponent("out")
        let run = try await PlanPayStepsTests.run(Self.plan(company: company, period: "2026-Q2"), to: out, cache: nil)
        #expect(run.record.steps.map(\.name) == ["quotas", "insights"])

        // the seat holders on 2026-06-30, as comp seats people (reps.csv moved by rep_territory_history.csv)
        let data = try SalesDataset.load(from: company)
        let alignment = EffectiveDatedAlignment(
            accounts: data.accounts, reps: data.reps, accountMoves: [],
            repMoves: try CompInputs.repMoves(data, folder: company))
        let end = try CalendarDate(iso8601: "2026-06-30")
        func holder(_ node: String) -> String? { alignment.holder(of: TerritoryID(node), on: end)?.rawValue }
        var expected: [String: Double] = [:]
        for row in try Self.rows(out.appendingPathComponent("quotas/quotas.csv")) {
            guard let node = row["node"], let person = holder(node), let q2 = row["quota_Q2"].flatMap(Double.init)
            else { continue }
            expected[person, default: 0] += q2
        }
        try #require(expected.count >= 6)
        let cards = try Self.rows(out.appendingPathComponent("insights/scorecards.csv")).filter { $0["level"] == "rep" }
        var checked = 0
        for card in cards {
            guard let key = card["key"] else { continue }
            if let quota = expected[key] {
                #expect(abs((Double(card["quota"] ?? "") ?? -1) - quota) < 0.01, "\(key)")
                checked += 1
            } else {
                #expect(card["quota"] ?? "" == "", "\(key) holds no seat on 2026-06-30")
            }
        }
        #expect(checked == expected.count)
        let step = try #require(run.record.steps.first { $0.name == "insights" })
        #expect(step.metrics["reps_with_quota"] == Double(expected.count))
    }

    /// A folder holding files the run does not write is refused before any step runs.
    @Test func aForeignFileRefusesTheFolderBeforeAnyStep() throws {
        let folder = try Fixtures.temporaryFolder(prefix: "plan-insights")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "mine".write(to: out.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        // the dataset folder does not exist: a run that started its steps would fail on it instead
        let text = Self.plan(company: folder.appendingPathComponent("no-company"), period: "2026-Q2")
        let plan = try PlanFile(yaml: text, file: "plan.yaml")
        #expect(throws: AtomicFolderError.foreignFiles(path: out.path, names: ["notes.txt"])) {
            try PlanRunner(plan: plan, planText: text, planPath: "plan.yaml").run(to: out)
        }
        #expect(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
    }

    @Test func aMonthOfAQuarterlyPlanGetsNoQuotasAndSaysWhy() async throws {
        let folder = try Fixtures.temporaryFolder(prefix: "plan-insights")
        defer { try? FileManager.default.removeItem(at: folder) }
        let company = try PlanPayStepsTests.company(in: folder)
        let out = folder.appendingPathComponent("out")
        let run = try await PlanPayStepsTests.run(Self.plan(company: company, period: "2026-05"), to: out, cache: nil)
        #expect(run.record.steps.first { $0.name == "insights" }?.metrics["reps_with_quota"] == 0)
        let cards = try Self.rows(out.appendingPathComponent("insights/scorecards.csv")).filter { $0["level"] == "rep" }
        #expect(!cards.isEmpty && cards.allSatisfy { $0["quota"] ?? "" == "" })
    }
}
