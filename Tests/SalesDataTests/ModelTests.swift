import Foundation
import Testing

@testable import SalesData

@Suite struct IdentifierTests {
    @Test func identifiersEncodeAsBareStringsAndOrderByRawValue() throws {
        let ids: [RepID] = ["R-010", "R-002"]
        let json = String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)
        #expect(json == #"["R-010","R-002"]"#)
        #expect(try JSONDecoder().decode([RepID].self, from: Data(json.utf8)) == ids)
        #expect(ids.sorted().map(\.rawValue) == ["R-002", "R-010"])
        #expect(AccountID("A").description == "A")
    }
}

@Suite struct CalendarDateTests {
    @Test func epochDaysMatchKnownDates() throws {
        #expect(CalendarDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(CalendarDate(year: 2000, month: 3, day: 1)?.daysSinceEpoch == 11_017)
        #expect(CalendarDate(year: 2025, month: 1, day: 1)?.daysSinceEpoch == 20_089)
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
    }

    @Test(arguments: [
        "2023-02-29", "2025-13-01", "2025-00-10", "2025-1-01", "25-01-01", "2025/01/01", "", "abcd-ef-gh",
    ])
    func invalidDatesAreRejected(text: String) {
        #expect(throws: SalesDataError.invalidDate(text)) { try CalendarDate(iso8601: text) }
    }

    @Test func parsesDatesAndIgnoresATimePart() throws {
        #expect(try CalendarDate(iso8601: "2024-02-29").description == "2024-02-29")
        #expect(try CalendarDate(iso8601: "2024-02-29T13:45:00.000Z").description == "2024-02-29")
    }

    @Test func addingMonthsClampsToTheMonthEnd() throws {
        let date = try CalendarDate(iso8601: "2025-01-31")
        #expect(date.adding(months: 1).description == "2025-02-28")
        #expect(date.adding(months: 13).description == "2026-02-28")
        #expect(date.adding(months: -2).description == "2024-11-30")
        #expect(date.adding(days: 30).description == "2025-03-02")
    }
}

@Suite struct FiscalCalendarTests {
    @Test func februaryStartNamesTheYearByItsEnd() throws {
        let calendar = try FiscalCalendar(startMonth: 2)
        let day = try CalendarDate(iso8601: "2025-03-15")
        #expect(calendar.fiscalYear(of: day) == 2026)
        #expect(calendar.fiscalMonth(of: day) == 2)
        #expect(calendar.quarter(of: day) == 1)
        #expect(calendar.fiscalYear(of: try CalendarDate(iso8601: "2025-01-31")) == 2025)
        #expect(calendar.startDate(ofFiscalYear: 2026).description == "2025-02-01")
        #expect(calendar.endDate(ofFiscalYear: 2026).description == "2026-01-31")
        let q4 = calendar.dates(ofQuarter: 4, fiscalYear: 2026)
        #expect(q4.lowerBound.description == "2025-11-01" && q4.upperBound.description == "2026-01-31")
    }

    @Test func calendarYearIsTheIdentity() throws {
        let day = try CalendarDate(iso8601: "2025-12-31")
        #expect(FiscalCalendar.calendarYear.fiscalYear(of: day) == 2025)
        #expect(FiscalCalendar.calendarYear.quarter(of: day) == 4)
        #expect(throws: SalesDataError.invalidFiscalStartMonth(13)) { try FiscalCalendar(startMonth: 13) }
    }
}

@Suite struct HierarchyTests {
    static let nodes = [
        Territory(id: "CO", name: "Company", level: .company),
        Territory(id: "EAST", name: "East", level: .region, parentID: "CO"),
        Territory(id: "D1", name: "South-East", level: .district, parentID: "EAST"),
        Territory(id: "T1", name: "Atlanta", parentID: "D1"),
        Territory(id: "T2", name: "Miami", parentID: "D1"),
        Territory(id: "T3", name: "Boston", parentID: "EAST"),
    ]

    @Test func navigatesParentsChildrenAndLeaves() throws {
        let hierarchy = try Hierarchy(Self.nodes)
        #expect(hierarchy.roots == ["CO"])
        #expect(hierarchy.children(of: "EAST") == ["D1", "T3"])
        #expect(hierarchy.leaves(under: "CO") == ["T1", "T2", "T3"])
        #expect(hierarchy.leaves == ["T1", "T2", "T3"])
        #expect(hierarchy.path(to: "T2") == ["CO", "EAST", "D1", "T2"])
        #expect(hierarchy.depth(of: "T2") == 3)
        #expect(hierarchy.descendants(of: "D1") == ["D1", "T1", "T2"])
        #expect(hierarchy.nodes(at: .territory).count == 3)
    }

    @Test func aCycleIsRejectedWithItsNodes() {
        var nodes = Self.nodes
        nodes[1].parentID = "T1"  // EAST → T1 → D1 → EAST
        #expect(throws: SalesDataError.hierarchyCycle(["EAST", "T1", "D1"])) { try Hierarchy(nodes) }
    }

    @Test func unknownParentsAndDuplicatesAreRejected() {
        var nodes = Self.nodes
        nodes[3].parentID = "NOPE"
        #expect(throws: SalesDataError.unknownParent(node: "T1", parent: "NOPE")) { try Hierarchy(nodes) }
        #expect(throws: SalesDataError.duplicateNode("T1")) { try Hierarchy(Self.nodes + [Self.nodes[3]]) }
    }
}

@Suite struct DomainValueTests {
    @Test func geoDistanceMatchesAKnownGreatCircle() {
        let atlanta = GeoPoint(latitude: 33.749, longitude: -84.388)
        let denver = GeoPoint(latitude: 39.7392, longitude: -104.9903)
        // Published great-circle distance Atlanta–Denver ≈ 1,950 km.
        #expect(abs(atlanta.distanceInKilometers(to: denver) - 1950) < 10)
        #expect(!GeoPoint(latitude: 91, longitude: 0).isValid)
        #expect(!GeoPoint(latitude: .nan, longitude: 0).isValid)
    }

    @Test func transactionCreditFollowsSplits() throws {
        let date = try CalendarDate(iso8601: "2025-02-03")
        let booking = Transaction(
            id: "X-1", kind: .booking, date: date, accountID: "A-1", amount: 12_000, ownerID: "R-001",
            splits: [
                CreditSplit(repID: "R-001", percentage: 60), CreditSplit(repID: "R-002", percentage: 40),
                CreditSplit(repID: "R-009", percentage: 50, kind: .overlay),
            ])
        #expect(booking.credit(to: "R-002") == 4800)
        #expect(booking.credit(to: "R-009") == 6000)
        let single = Transaction(id: "X-2", kind: .order, date: date, accountID: "A-1", amount: 100, ownerID: "R-003")
        #expect(single.credit(to: "R-003") == 100)
    }

    @Test func accountMeasuresResolveBuiltInsAndAttributes() {
        var account = Account(id: "A-1", name: "Acme", location: GeoPoint(latitude: 1, longitude: 2), employees: 40)
        account.attributes["potential"] = 120_000
        #expect(account.measure("potential") == 120_000)
        #expect(account.measure("employees") == 40)
        #expect(account.measure("annualRevenue") == nil)
        #expect(account.measure("unknown") == nil)
    }

    @Test func repAvailabilityRespectsStatusAndDates() throws {
        let day = try CalendarDate(iso8601: "2025-06-01")
        #expect(Rep(id: "R", name: "A", hireDate: try CalendarDate(iso8601: "2025-01-01")).isAvailable(on: day))
        #expect(!Rep(id: "R", name: "A", hireDate: try CalendarDate(iso8601: "2025-07-01")).isAvailable(on: day))
        #expect(!Rep(id: "R", name: "A", terminationDate: try CalendarDate(iso8601: "2025-06-01")).isAvailable(on: day))
        #expect(!Rep(id: "R", name: "", status: .vacant).isAvailable(on: day))
    }
}
