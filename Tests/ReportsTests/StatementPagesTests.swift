import Foundation
import Testing

@testable import Reports

@Suite struct StatementPagesTests {
    private func folder() throws -> URL {
        let root = try ReportFixture.write()
        let comp = root.appendingPathComponent("comp")
        try FileManager.default.createDirectory(at: comp, withIntermediateDirectories: true)
        try """
        person_id,component,transaction_id,date,credit,rate,tier,cap,proration,amount
        R1,commission,X1,2026-01-05,10000,0.05,1,,1,500.00
        R2,commission,X2,2026-01-06,20000,0.05,1,,1,1000.00
        R1,spiff,,2026-01-31,,,,,1,250.00
        R/3,commission,X3,2026-01-07,30000,0.05,1,,1,1500.00

        """.write(to: comp.appendingPathComponent("statements.csv"), atomically: true, encoding: .utf8)
        try """
        person_id,name,plan,plan_version,total
        R1,Ann,AE 2026,2026-01-01,750.00
        R2,Bob,AE 2026,2026-01-01,1000.00
        R/3,Cy,AE 2026,2026-01-01,1500.00

        """.write(to: comp.appendingPathComponent("statement_totals.csv"), atomically: true, encoding: .utf8)
        return comp
    }

    @Test func eachPersonGetsOnePageWithOnlyTheirPay() throws {
        let pages = try StatementPages(folder: try folder()).pages()
        #expect(pages.map(\.person) == ["R1", "R2", "R/3"])
        #expect(pages.map(\.fileName) == ["R1.html", "R2.html", "R_3.html"])
        let ann = pages[0].html
        #expect(ann.contains("500.00") && ann.contains("250.00") && ann.contains("<b>750.00</b>"))
        #expect(!ann.contains("1,000.00") && !ann.contains("1,500.00") && !ann.contains("Bob") && !ann.contains("X2"))
        #expect(!pages[1].html.contains("Ann") && !pages[1].html.contains("750.00"))
    }

    @Test func pagesAreWrittenAsOneFolder() throws {
        let comp = try folder()
        let destination = comp.deletingLastPathComponent().appendingPathComponent("statements")
        #expect(try StatementPages(folder: comp).write(to: destination) == 3)
        let files = try FileManager.default.contentsOfDirectory(atPath: destination.path).sorted()
        #expect(files == ["R1.html", "R2.html", "R_3.html"])
    }

    /// Statements alone draw no pay charts: the section says what it needs; with the comp step's
    /// `measurements.csv` beside them it draws the attainment histogram.
    @Test func thePaySectionNeedsTheCompMeasurements() throws {
        let comp = try folder()
        var sources = try ReportSources.discover(in: comp.deletingLastPathComponent())
        #expect(sources.pay?.lastPathComponent == "comp")
        sources.stateOutline = ReportFixture.stateOutline
        let bare = try HTMLReport(sources: sources).render()
        #expect(!bare.contains("<section id=\"pay\""))
        #expect(bare.contains("Pay (the comp and simulation folders hold no measurements.csv or summary.csv)"))

        try ReportFixture.measurements.write(
            to: comp.appendingPathComponent("measurements.csv"), atomically: true, encoding: .utf8)
        let html = try HTMLReport(sources: sources).render()
        #expect(html.contains("<section id=\"pay\""))
        #expect(!html.contains("Not in this report: Pay"))
    }
}
