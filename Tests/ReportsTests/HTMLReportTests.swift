import Foundation
import SalesData
import Testing

@testable import Reports

@Suite struct HTMLReportTests {
    private func render(quotasOnly: Bool = false) throws -> String {
        var sources = try ReportSources.discover(in: try ReportFixture.write(quotasOnly: quotasOnly))
        sources.stateOutline = ReportFixture.stateOutline
        return try HTMLReport(sources: sources).render()
    }

    @Test func discoveryFindsThePlanRunLayout() throws {
        let root = try ReportFixture.write()
        let sources = try ReportSources.discover(in: root)
        #expect(sources.territories?.lastPathComponent == "territories")
        #expect(sources.quotas?.lastPathComponent == "quotas")
        #expect(sources.accounts?.path.hasSuffix("inputs/accounts.csv") == true)
        #expect(sources.pay == nil && sources.scenarios == nil && sources.insights == nil)
    }

    @Test func mapHasOnePointPerAccountAndOneHullPerTerritory() throws {
        let html = try render()
        #expect(ReportFixture.count("<circle class=\"p ", in: html) == 8)
        let moved = ReportFixture.count(" mv\" data-i", in: html)
        #expect(ReportFixture.count("<circle class=\"p s", in: html) - moved == 7)
        let after = try #require(
            html.components(separatedBy: "hulls-after\">").last?.components(separatedBy: "</g>").first)
        let before = try #require(
            html.components(separatedBy: "hulls-before\">").last?.components(separatedBy: "</g>").first)
        // after: T1 {A1,A2} has 2 points (no hull), T2 {A3,A4,A5} and T3 have 3; before: T1 has 3, T2 2
        #expect(ReportFixture.count("<path class=\"hull", in: after) == 2)
        #expect(ReportFixture.count("<path class=\"hull", in: before) == 2)
        #expect(ReportFixture.count("<path class=\"centre\"", in: html) == 3)
        let rings = try ColumnTable(contentsOf: ReportFixture.stateOutline)
        let parts = Set(zip(try rings.strings("state"), try rings.strings("part")).map { "\($0 ?? "")/\($1 ?? "")" })
        #expect(ReportFixture.count("<path class=\"state\"", in: html) == parts.count)
    }

    @Test func balanceHasBeforeAndAfterBarsPerTerritoryAndMeasure() throws {
        let html = try render()
        #expect(ReportFixture.count("<rect class=\"bar after", in: html) == 6)
        #expect(ReportFixture.count("<rect class=\"bar before", in: html) == 6)
        #expect(ReportFixture.count("<rect class=\"band\"", in: html) == 2)
        // T1 potential before: (60 + 40 + 30 − 100) / 100
        #expect(html.contains("T1 before: +30.0%"))
        // T2 before: A4 + A5 = 80 → −20 %
        #expect(html.contains("T2 before: −20.0%"))
        #expect(html.contains("Outside the band: 2 before, 0 after."))
        #expect(html.contains("stopped at its time limit with a usable alignment after 1.5 s"))
        #expect(html.contains("at most 5.00% from the best possible"))
    }

    @Test func quotaTreeListsEveryNodeUnderItsParent() throws {
        let html = try render()
        let rows = html.components(separatedBy: "<tr class=\"d").dropFirst().map { $0.prefix(40) }
        #expect(rows.count == 7)
        let order = html.components(separatedBy: "data-id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(order == ["CO", "D1", "R1", "R2", "D2", "R3", "R4"])
        #expect(html.contains("<b>$270,000</b>"))
        #expect(ReportFixture.count("<span class=\"flag\">cap</span>", in: html) == 2)  // legend + R1
        // 3 seats with a probability (R4 is held); the equal-probability level is drawn
        #expect(
            ReportFixture.count(
                "<rect class=\"bin\"", in: html.components(separatedBy: "attainment-histogram").last ?? "") == 3)
        #expect(html.contains("equal-probability level 53.4%"))
    }

    @Test func fairnessIsReadFromTheSummaryLine() throws {
        let results = try QuotaResults.load(folder: try ReportFixture.write().appendingPathComponent("quotas"))
        #expect(results.fairnessLevel.map { abs($0 - 0.534) < 1e-12 } == true)
        #expect(results.expectedShareAtQuota.map { abs($0 - 0.527) < 1e-12 } == true)
    }

    @Test func sectionsWithoutInputsAreLeftOutAndNamed() throws {
        let html = try render(quotasOnly: true)
        #expect(!html.contains("<section id=\"map\""))
        #expect(html.contains("<section id=\"quotas\""))
        #expect(html.contains("Not in this report: Map (no territory output"))
        #expect(html.contains("Pay (no comp or simulation output"))
    }

    @Test func pageIsSelfContainedAndEscapesData() throws {
        let root = try ReportFixture.write()
        // a territory id with markup must come out as text, in the HTML and in the JSON block
        let territories = root.appendingPathComponent("territories/territories.csv")
        let text = try String(contentsOf: territories, encoding: .utf8)
        let marked = text.replacingOccurrences(of: "\nT3,", with: "\n\"T3<x>\",")
        try marked.write(to: territories, atomically: true, encoding: .utf8)
        var sources = try ReportSources.discover(in: root)
        sources.stateOutline = ReportFixture.stateOutline
        let html = try HTMLReport(sources: sources).render()
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src="))
        #expect(!html.contains("T3<x>"))
        #expect(html.contains("T3&lt;x&gt;") && html.contains("T3\\u003cx\\u003e"))
        #expect(!html.contains("Gamma"))  // account names are not carried into the page
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let root = try ReportFixture.write()
        var sources = try ReportSources.discover(in: root)
        sources.stateOutline = ReportFixture.stateOutline
        #expect(try HTMLReport(sources: sources).render() == HTMLReport(sources: sources).render())
    }

    @Test func anEmptyFolderIsRefused() throws {
        let root = try ReportFixture.write(quotasOnly: true)
        try FileManager.default.removeItem(at: root.appendingPathComponent("quotas"))
        #expect(throws: ReportsError.self) { try HTMLReport(sources: ReportSources.discover(in: root)).render() }
        #expect(throws: ReportsError.notAFolder(path: root.appendingPathComponent("nope").path)) {
            try ReportSources.discover(in: root.appendingPathComponent("nope"))
        }
    }

    @Test func badOutputsNameTheFileAndLine() throws {
        let root = try ReportFixture.write()
        try "{not json".write(
            to: root.appendingPathComponent("territories/metrics.json"), atomically: true, encoding: .utf8)
        #expect(
            throws: ReportsError.badFile(
                file: "metrics.json", line: 1, reason: "not a JSON object; expected the plan metrics")
        ) {
            try HTMLReport(sources: ReportSources.discover(in: root)).render()
        }
        let quotas = root.appendingPathComponent("quotas/quotas.csv")
        try "node,quota\nCO,abc\n".write(to: quotas, atomically: true, encoding: .utf8)
        #expect(
            throws: ColumnTableError.notANumber(file: "quotas.csv", line: 2, column: 2, name: "quota", value: "abc")
        ) {
            try QuotaResults.load(folder: quotas.deletingLastPathComponent())
        }
    }

    @Test func writeReplacesThePageAtomically() throws {
        let root = try ReportFixture.write()
        let file = root.appendingPathComponent("report.html")
        try "old".write(to: file, atomically: true, encoding: .utf8)
        try HTMLReport(sources: ReportSources.discover(in: root)).write(to: file)
        #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }
}
