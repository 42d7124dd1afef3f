import Foundation
import TestSupport
import Testing

@testable import SalesData

@Suite struct AlignmentHistoryTests {
    static func day(_ text: String) -> CalendarDate {
        (try? CalendarDate(iso8601: text)) ?? CalendarDate(daysSinceEpoch: 0)
    }

    /// A small plan year with every kind of change.
    ///
    /// R1 holds T1 and leaves on 2026-06-12; R2 moves from T2 to T1 on 2026-08-01 and R3, hired
    /// that day, takes T2; T4's position is vacant; R5 starts in T5 on 2026-04-01. A1 moves T1 → T2
    /// on 2026-07-01 and T2 → T3 on 2026-10-01.
    static let alignment = AlignmentHistory(
        accounts: [
            Account(id: "A1", name: "One", location: GeoPoint(latitude: 0, longitude: 0), territoryID: "T1"),
            Account(id: "A2", name: "Two", location: GeoPoint(latitude: 0, longitude: 0), territoryID: "T1"),
        ],
        reps: [
            Rep(
                id: "R1", name: "Ann", territoryID: "T1", hireDate: day("2020-01-01"),
                terminationDate: day("2026-06-12")),
            Rep(id: "R2", name: "Bo", territoryID: "T2", hireDate: day("2021-05-01")),
            Rep(id: "R3", name: "Cy", hireDate: day("2026-08-01")),
            Rep(id: "R4", name: "Vacant", territoryID: "T4", status: .vacant),
            Rep(id: "R5", name: "Di", territoryID: "T5", hireDate: day("2026-04-01")),
        ],
        accountChanges: [
            AccountTerritoryChange(accountID: "A1", territoryID: "T3", effectiveDate: day("2026-10-01")),
            AccountTerritoryChange(accountID: "A1", territoryID: "T2", effectiveDate: day("2026-07-01")),
        ],
        repChanges: [
            RepTerritoryChange(repID: "R3", territoryID: "T2", effectiveDate: day("2026-08-01")),
            RepTerritoryChange(repID: "R2", territoryID: "T1", effectiveDate: day("2026-08-01")),
        ])

    @Test(arguments: [
        ("2025-12-31", "T1"), ("2026-06-30", "T1"), ("2026-07-01", "T2"), ("2026-09-30", "T2"), ("2026-10-01", "T3"),
        ("2027-01-01", "T3"),
    ])
    func anAccountBelongsToItsLatestChangeOnOrBeforeTheDate(date: String, territory: String) {
        #expect(Self.alignment.territory(of: "A1", on: Self.day(date)) == TerritoryID(territory))
        #expect(Self.alignment.territory(of: "A2", on: Self.day(date)) == "T1")
    }

    @Test func unknownAccountsAndRepsHaveNoTerritory() {
        #expect(Self.alignment.territory(of: "A9", on: Self.day("2026-01-01")) == nil)
        #expect(Self.alignment.seat(of: "R9", on: Self.day("2026-01-01")) == nil)
        #expect(Self.alignment.holder(of: "T9", on: Self.day("2026-01-01")) == nil)
    }

    @Test(
        arguments: [
            ("T1", "2026-06-11", "R1"), ("T1", "2026-06-12", nil), ("T1", "2026-07-31", nil),
            ("T1", "2026-08-01", "R2"),
            ("T2", "2026-07-31", "R2"), ("T2", "2026-08-01", "R3"), ("T4", "2026-05-01", nil),
            ("T5", "2026-03-31", nil),
            ("T5", "2026-04-01", "R5"),
        ] as [(String, String, String?)])
    func theHolderIsTheAvailableRepInTheSeatThatDay(territory: String, date: String, holder: String?) {
        #expect(Self.alignment.holder(of: TerritoryID(territory), on: Self.day(date)) == holder.map(RepID.init))
    }

    @Test func seatsFollowTheRepHistoryWhateverTheEmployment() {
        #expect(Self.alignment.seat(of: "R3", on: Self.day("2026-07-31")) == nil)
        #expect(Self.alignment.seat(of: "R3", on: Self.day("2026-08-01")) == "T2")
        #expect(Self.alignment.seat(of: "R1", on: Self.day("2026-12-01")) == "T1")  // terminated, but never reassigned
        #expect(Self.alignment.owner(of: "A1", on: Self.day("2026-08-15")) == "R3")
        #expect(Self.alignment.owner(of: "A1", on: Self.day("2026-07-15")) == "R2")
        #expect(Self.alignment.owner(of: "A2", on: Self.day("2026-07-15")) == nil)  // T1 vacant between R1 and R2
    }

    @Test func ofSeveralChangesOnOneDayTheLastGivenWins() {
        let alignment = AlignmentHistory(
            accounts: [], reps: [Rep(id: "R1", name: "Ann", territoryID: "T1")],
            repChanges: [
                RepTerritoryChange(repID: "R1", territoryID: "T2", effectiveDate: Self.day("2026-03-01")),
                RepTerritoryChange(repID: "R1", territoryID: nil, effectiveDate: Self.day("2026-03-01")),
            ])
        #expect(alignment.seat(of: "R1", on: Self.day("2026-03-01")) == nil)
        #expect(alignment.holder(of: "T1", on: Self.day("2026-02-28")) == "R1")
    }
}

@Suite struct AlignmentHistoryFileTests {
    static let reps =
        "id,name,territory_id,hire_date,termination_date\nR1,Ann,T1,2020-01-01,2026-06-12\nR2,Bo,T2,2021-01-01,\nR3,Cy,,2026-08-01,\n"
    static let territories = "id,name,level,parent_id\nCO,Co,company,\nT1,One,territory,CO\nT2,Two,territory,CO\n"
    static let accounts = "id,name,latitude,longitude,territory_id\nA1,Acme,33.7,-84.4,T1\n"

    func issues(_ extra: [String: String]) -> [SalesDataIssue] {
        var files = ["accounts.csv": Self.accounts, "reps.csv": Self.reps, "territories.csv": Self.territories]
        for (name, text) in extra { files[name] = text }
        return SalesDatasetTests().issues(files.mapValues { Array($0.utf8) })
    }

    @Test func historiesLoadAndRoundTrip() throws {
        let files = [
            "accounts.csv": Self.accounts, "reps.csv": Self.reps, "territories.csv": Self.territories,
            "account_territory_history.csv": "account_id,territory_id,effective_date\nA1,T2,2026-07-01\n",
            "rep_territory_history.csv": "rep_id,territory_id,effective_date\nR2,T1,2026-08-01\nR3,T2,2026-08-01\n",
        ].mapValues { Array($0.utf8) }
        let data = try SalesDataset.decode(files: files)
        #expect(
            data.accountTerritoryHistory == [
                AccountTerritoryChange(
                    accountID: "A1", territoryID: "T2", effectiveDate: AlignmentHistoryTests.day("2026-07-01"))
            ])
        #expect(data.repTerritoryHistory.map(\.repID) == ["R2", "R3"])
        #expect(data.alignmentHistory.owner(of: "A1", on: AlignmentHistoryTests.day("2026-08-01")) == "R3")
        let again = try SalesDataset.decode(
            files: Dictionary(uniqueKeysWithValues: data.encodedFiles().map { ($0.name, $0.bytes) }))
        #expect(again == data)
    }

    @Test func unknownIdsAndRepeatedDatesAreLocated() {
        let found = issues([
            "account_territory_history.csv":
                "account_id,territory_id,effective_date\nA9,T2,2026-07-01\nA1,T7,2026-07-01\nA1,T2,2026-07-01\n",
            "rep_territory_history.csv": "rep_id,territory_id,effective_date\nR9,T1,2026-08-01\nR2,,2026-13-01\n",
        ]).map(\.description)
        #expect(
            found == [
                "account_territory_history.csv:2:0: account_id: A9 does not exist in accounts.csv",
                "account_territory_history.csv:3:0: territory_id: T7 does not exist in territories.csv",
                "account_territory_history.csv:4:0: account A1 already changes on 2026-07-01 (line 3); expected one row per account and date",
                "rep_territory_history.csv:2:0: rep_id: R9 does not exist in reps.csv",
                "rep_territory_history.csv:3:3: effective_date: \"2026-13-01\" is not a valid date; expected a date YYYY-MM-DD (ISO 8601)",
            ])
    }

    @Test func aRepMovedIntoAnOccupiedSeatIsASeatConflict() {
        // R2 takes T1 on 2026-05-01 while R1 holds it until 2026-06-12.
        let found = issues(["rep_territory_history.csv": "rep_id,territory_id,effective_date\nR2,T1,2026-05-01\n"])
        #expect(found.map(\.kind) == [.seatConflict])
        #expect(
            found.map(\.description) == [
                "rep_territory_history.csv:2:0: territory_id: T1 is held by R2 and R1 on 2026-05-01; expected one available rep per territory and day"
            ])
        // From R1's termination on, the move is fine.
        #expect(issues(["rep_territory_history.csv": "rep_id,territory_id,effective_date\nR2,T1,2026-06-12\n"]).isEmpty)
    }

    @Test func reversalsMustPointAtAnEarlierBookingOfTheSameAccountAndNotExceedIt() {
        let header = "id,type,date,account_id,amount,owner_id,original_id\n"
        let accounts = "id,name,latitude,longitude,territory_id\nA1,Acme,33.7,-84.4,T1\nA2,Beta,33.7,-84.4,T1\n"
        let lines =
            header
            + [
                "X1,booking,2026-02-01,A1,1000,R1,", "X2,refund,2026-03-01,A1,-600,R1,X1",
                "X3,cancellation,2026-04-01,A1,-500,R1,X1",
                "X4,cancellation,2026-04-01,A1,-5,R1,", "X5,cancellation,2026-04-01,A1,5,R1,X1",
                "X6,booking,2026-04-01,A1,5,R1,X1",
                "X7,refund,2026-04-01,A2,-5,R1,X1", "X8,refund,2026-01-01,A1,-5,R1,X1",
                "X9,refund,2026-04-01,A1,-5,R1,X42",
                "X10,refund,2026-04-01,A1,-5,R1,X2",
            ].joined(separator: "\n") + "\n"
        let found = issues(["accounts.csv": accounts, "transactions.csv": lines])
        #expect(
            found.map { "\($0.line) \($0.kind)" } == [
                "4 reversalExceedsOriginal", "5 missingValue", "6 outOfRange", "7 invalidValue", "8 invalidValue",
                "9 inconsistentDates",
                "10 danglingReference", "11 invalidValue",
            ])
        #expect(
            found[0].message
                == "original_id: X1 is taken back 1100 in all; expected refunds and cancellations totalling at most 1000"
        )
    }
}
