import Foundation
import Testing

@testable import SalesData

/// The doc-comment examples of SalesData, run as written.
@Suite struct DocumentationExamplesTests {
    @Test func identifierExample() {
        let owner: RepID = "R-001"
        #expect(owner.rawValue == "R-001")
        #expect(RepID("R-002") > owner)
    }

    @Test func calendarDateExample() throws {
        let close = try CalendarDate(iso8601: "2025-03-14")
        #expect(close.adding(days: 30).description == "2025-04-13")
        #expect(CalendarDate(year: 2025, month: 1, day: 1)?.daysSinceEpoch == 20089)
    }

    @Test func fiscalCalendarExample() throws {
        let calendar = try FiscalCalendar(startMonth: 2)
        let day = try #require(CalendarDate(year: 2025, month: 3, day: 15))
        #expect(calendar.fiscalYear(of: day) == 2026)
        #expect(calendar.quarter(of: day) == 1)
        #expect(calendar.fiscalMonth(of: day) == 2)
        #expect(calendar.startDate(ofFiscalYear: 2026).description == "2025-02-01")
    }

    @Test func hierarchyExample() throws {
        let hierarchy = try Hierarchy([
            Territory(id: "CO", name: "Company", level: .company),
            Territory(id: "EAST", name: "East", level: .region, parentID: "CO"),
            Territory(id: "T1", name: "Atlanta", parentID: "EAST"),
            Territory(id: "T2", name: "Miami", parentID: "EAST"),
        ])
        #expect(hierarchy.children(of: "EAST") == ["T1", "T2"])
        #expect(hierarchy.leaves(under: "CO") == ["T1", "T2"])
        #expect(hierarchy.path(to: "T2") == ["CO", "EAST", "T2"])
    }

    @Test func opportunityExample() throws {
        let deal = Opportunity(
            id: "O-1", accountID: "A-1", ownerID: "R-001", amount: 48_000, stage: "Negotiation",
            probability: 0.6, createdDate: try #require(CalendarDate(year: 2025, month: 1, day: 8)),
            closeDate: try #require(CalendarDate(year: 2025, month: 3, day: 31)))
        #expect(deal.expectedAmount == 28800)
    }

    @Test func csvExamples() throws {
        var writer = CSVWriter()
        writer.writeRow(["id", "name", "amount"])
        writer.field("A-1"); writer.field("Acme, Inc."); writer.number(1200.5); writer.endRow()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "id,name,amount\nA-1,\"Acme, Inc.\",1200.5\n")

        let csv = "Id,Name,BillingLatitude,BillingLongitude,AnnualRevenue\nA-1,Acme,33.75,-84.39,\"1,200,000\"\n"
        #expect(try AccountCSV.decode(Array(csv.utf8))[0].annualRevenue == 1_200_000)

        let reps = "employeeId,name,supervisor,hireDate\nM-1,Ann Lee,,2019-04-01\nR-1,Bo Chen,M-1,2023-01-09\n"
        #expect(try RepCSV.decode(Array(reps.utf8))[1].managerID == "M-1")

        let deals =
            "Id,AccountId,OwnerId,Amount,StageName,Probability,CreatedDate,CloseDate,IsClosed,IsWon\n"
            + "O-1,A-1,R-1,\"48,000\",Closed Won,100,2025-01-08,2025-03-31,true,true\n"
        #expect(try OpportunityCSV.decode(Array(deals.utf8))[0].probability == 1.0)

        let splits = "transaction_id,rep_id,percentage,type\nX-1,R-1,60,revenue\nX-1,R-2,40,revenue\n"
        #expect(try SplitCSV.decode(Array(splits.utf8)).map(\.split.percentage) == [60, 40])

        let lines =
            "id,type,date,account_id,amount,owner_id\nX-1,booking,2025-02-03,A-1,\"12,000\",R-1\nX-2,refund,2025-03-01,A-1,-500,R-1\n"
        #expect(try TransactionCSV.decode(Array(lines.utf8))[1].amount == -500)
    }

    @Test func generatorExampleRandom() {
        var random = SplitMixGenerator(seed: 42)
        #expect((0..<1).contains(random.uniform()))
        #expect(random.normal().isFinite)
        #expect([0, 1].contains(random.index(weights: [1, 3])))
    }

    @Test func alignmentHistoryExamples() throws {
        let moves = try AccountTerritoryHistoryCSV.decode(
            Array("account_id,territory_id,effective_date\nA-1,T-2,2026-07-01\n".utf8))
        #expect(moves[0].territoryID == "T-2")
        let seats = try RepTerritoryHistoryCSV.decode(
            Array("rep_id,territory_id,effective_date\nR-1,T-3,2026-08-01\nR-2,,2026-08-01\n".utf8))
        #expect(seats[1].territoryID == nil)
        let move = AccountTerritoryChange(
            accountID: "A0000042", territoryID: "T007",
            effectiveDate: try #require(CalendarDate(year: 2026, month: 7, day: 1)))
        let seat = RepTerritoryChange(
            repID: "R014", territoryID: "T012", effectiveDate: try #require(CalendarDate(year: 2026, month: 8, day: 1)))
        #expect(move.territoryID == "T007" && seat.territoryID == "T012")
        let csv =
            "id,type,date,account_id,amount,owner_id\nX-1,booking,2025-02-03,A-1,\"12,000\",R-1\nX-2,refund,2025-03-01,A-1,-500,R-1\n"
        #expect(try TransactionCSV.decode(Array(csv.utf8))[1].amount == -500)
    }

    @Test func configurationExamples() throws {
        do {
            _ = try YAMLConfiguration.decode(DatasetCheckRequest.self, from: "foldr: Data/demo\n", file: "check.yaml")
            Issue.record("expected an unknown-key error")
        } catch {
            #expect("\(error)".hasPrefix("check.yaml:1:1: foldr: unknown key `foldr`; did you mean `folder`?"))
        }
        let config = try YAMLConfiguration(yaml: "folder: Data/demo\nmaxIssues: 10\n", file: "check.yaml")
        let request = try config.decodeRequest(DatasetCheckRequest.self)
        #expect(request.maxIssues == 10)
    }
}
