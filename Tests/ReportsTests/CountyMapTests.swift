import Foundation
import TestSupport
import Testing

@testable import Reports

/// Territories built from counties are drawn as their counties: four counties of Colorado as units
/// (`fips` ids, as `territories design` reads them), two per territory, with the checkout's
/// `Data/geo/us-counties.csv`.
@Suite struct CountyMapTests {
    static let territories = """
        territory,centre_1,centre_2,accounts,potential_total,potential_target,potential_deviation
        T1,39.7,-105.0,2,100,100,0
        T2,38.8,-104.8,2,100,100,0

        """
    // Denver 08031, Jefferson 08059 → T1; El Paso 08041, Pueblo 08101 → T2; Jefferson moved from T2
    static let assignment = """
        account,old_territory,new_territory,moved
        08031,T1,T1,false
        08059,T2,T1,true
        08041,T2,T2,false
        08101,T2,T2,false

        """
    static let units = """
        fips,latitude,longitude,potential
        08031,39.76,-104.88,50
        08059,39.59,-105.25,50
        08041,38.83,-104.52,60
        08101,38.17,-104.51,40

        """
    static let countyOutline = Fixtures.repositoryRoot.appendingPathComponent("Data/geo/us-counties.csv")

    private func render(units: String = Self.units, counties: Bool = true) throws -> String {
        let root = try Fixtures.temporaryFolder(prefix: "meridian-county-map")
        for (text, name) in [
            (Self.territories, "territories.csv"), (Self.assignment, "assignment.csv"), (units, "accounts.csv"),
        ] {
            try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        var sources = try ReportSources.discover(in: root)
        sources.stateOutline = ReportFixture.stateOutline
        sources.countyOutline = counties ? Self.countyOutline : nil
        return try HTMLReport(sources: sources).render()
    }

    private func layer(_ side: String, in html: String) throws -> String {
        try #require(html.components(separatedBy: "hulls-\(side)\">").last?.components(separatedBy: "</g>").first)
    }

    @Test func countyUnitsAreDrawnAsTheirCounties() throws {
        let html = try render()
        let after = try layer("after", in: html), before = try layer("before", in: html)
        #expect(ReportFixture.count("<path class=\"cty ", in: after) == 4)
        #expect(ReportFixture.count("<path class=\"hull", in: html) == 0)
        // after: Denver and Jefferson in T1 (index 0); before: Jefferson in T2 (index 1)
        #expect(ReportFixture.count("data-t=\"0\"", in: after) == 2)
        #expect(ReportFixture.count("data-t=\"0\"", in: before) == 1)
        #expect(ReportFixture.count("data-t=\"1\"", in: before) == 3)
        #expect(html.contains("each territory is drawn as the counties its accounts lie in"))
    }

    /// The four units as accounts with a `county_fips` column, Pueblo's account in `puebloCounty`.
    static func accounts(puebloCounty: String) -> String {
        """
        id,county_fips,latitude,longitude,potential
        08031,08031,39.76,-104.88,50
        08059,08059,39.59,-105.25,50
        08041,08041,38.83,-104.52,60
        08101,\(puebloCounty),38.17,-104.51,40

        """
    }

    @Test func accountsWithACountyColumnAreDrawnAsCountiesWhenNoCountyIsSplit() throws {
        let html = try render(units: Self.accounts(puebloCounty: "08101"))
        #expect(ReportFixture.count("<path class=\"cty ", in: try layer("after", in: html)) == 4)
    }

    @Test func aCountySplitBetweenTerritoriesFallsBackToHulls() throws {
        // Pueblo's account lies in Denver county: Denver then holds accounts of T1 and of T2
        let html = try render(units: Self.accounts(puebloCounty: "08031"))
        #expect(ReportFixture.count("<path class=\"cty ", in: html) == 0)
        #expect(html.contains("an outline wraps the 80 %"))
    }

    @Test func withoutTheCountyOutlineTheMapDrawsHulls() throws {
        let html = try render(counties: false)
        #expect(ReportFixture.count("<path class=\"cty ", in: html) == 0)
        #expect(html.contains("an outline wraps the 80 %"))
    }
}
