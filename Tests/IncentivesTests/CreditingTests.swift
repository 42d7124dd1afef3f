import SalesData
import Testing

@testable import Incentives

/// Splits, overlays, roll-ups, refunds and the effective-dated alignment.
@Suite struct CreditingTests {
    /// R1 and R2 report to manager M, who reports to VP V.
    func team() -> CompFixture {
        var fixture = CompFixture()
        fixture.people = [
            Rep(id: "V", name: "Vera", role: "Regional Vice President"),
            Rep(id: "M", name: "Max", role: "District Manager", managerID: "V"),
            Rep(id: "R1", name: "Ada", role: "Account Executive", managerID: "M", territoryID: "T1"),
            Rep(id: "R2", name: "Bo", role: "Account Executive", managerID: "M", territoryID: "T2"),
            Rep(id: "R3", name: "Cy", role: "Solutions Engineer", managerID: "M"),
        ]
        fixture.plans = [
            aePlan(
                components:
                    "      - {name: bookings, rate_table: {method: marginal, pays: credit, tiers: [{from: 0, rate: 10%}]}}"
            ),
            """
            plan: OVERLAY
            versions:
              - effective: 2026-01-01
                assign: {roles: [Solutions Engineer]}
                target_incentive: 10000
                components:
                  - {name: overlay, credit: [overlay], rate_table: {method: marginal, pays: credit, tiers: [{from: 0, rate: 1%}]}}
            """,
            """
            plan: MGR
            versions:
              - effective: 2026-01-01
                assign: {roles: [Manager, Vice President]}
                target_incentive: 10000
                components:
                  - {name: team, credit: [rollup], rate_table: {method: marginal, pays: credit, tiers: [{from: 0, rate: 1%}]}}
            """,
        ]
        fixture.quotas += "R1,2026-03,100000,default\nR2,2026-03,100000,default\nR3,2026-03,100000,default\n"
        fixture.quotas += "M,2026-03,100000,default\nV,2026-03,100000,default\n"
        return fixture
    }

    @Test func revenueSplitSixtyFortyAndAFullOverlay() throws {
        var fixture = team()
        fixture.book(
            100_000, on: "2026-03-05",
            splits: [
                CreditSplit(repID: "R1", percentage: 60), CreditSplit(repID: "R2", percentage: 40),
                CreditSplit(repID: "R3", percentage: 100, kind: .overlay),
            ])
        let result = try fixture.calculate("2026-03")
        #expect(result.credit("R1", "X1", .revenue) == dollars(60_000))
        #expect(result.credit("R2", "X1", .revenue) == dollars(40_000))
        #expect(result.credit("R3", "X1", .overlay) == dollars(100_000))
        #expect(result.earning("R1", "bookings")?.amount == dollars(6_000))
        #expect(result.earning("R3", "overlay")?.amount == dollars(1_000))
    }

    @Test func managerIsCreditedOncePerTransactionSharedByTwoReps() throws {
        var fixture = team()
        // 60/40 between two of M's reps, plus a dual credit: R1 by territory and R2 as a 100 % overlay.
        fixture.book(
            100_000, on: "2026-03-05",
            splits: [CreditSplit(repID: "R1", percentage: 60), CreditSplit(repID: "R2", percentage: 40)])
        fixture.book(
            100_000, on: "2026-03-06",
            splits: [
                CreditSplit(repID: "R1", percentage: 100), CreditSplit(repID: "R2", percentage: 100, kind: .overlay),
            ])
        let result = try fixture.calculate("2026-03")
        for transaction: TransactionID in ["X1", "X2"] {
            #expect(result.credit("M", transaction, .rollup) == dollars(100_000))  // not 200,000
            #expect(result.credit("V", transaction, .rollup) == dollars(100_000))  // three levels, once each
            #expect(result.credits.filter { $0.person == "M" && $0.transactionID == transaction }.count == 1)
        }
        #expect(result.measurement("M", "team")?.credit == dollars(200_000))
    }

    @Test func refundsAndCancellationsAreNegativeCredits() throws {
        var fixture = team()
        fixture.book(50_000, on: "2026-03-05")
        fixture.book(-20_000, on: "2026-03-20", kind: .refund)
        let result = try fixture.calculate("2026-03")
        #expect(result.credit("R1", "X2", .revenue) == dollars(-20_000))
        #expect(result.credit("M", "X2", .rollup) == dollars(-20_000))
        #expect(result.earning("R1", "bookings")?.amount == dollars(3_000))
    }

    @Test func territoryCreditFollowsTheAlignmentOnTheTransactionDate() throws {
        var fixture = team()
        fixture.accountMoves = [.init(id: "A1", territory: "T2", effective: date("2026-03-10"))]
        fixture.book(10_000, on: "2026-03-09")
        fixture.book(20_000, on: "2026-03-10")
        let result = try fixture.calculate("2026-03")
        #expect(result.credit("R1", "X1", .revenue) == dollars(10_000))
        #expect(result.credit("R2", "X2", .revenue) == dollars(20_000))
        #expect(result.credit("R1", "X2", .revenue) == nil)
        #expect(
            result.credits.first { $0.transactionID == "X2" && $0.kind == .revenue }?.rule.contains(
                "territory T2 holder") == true)
    }

    @Test func aVacantTerritoryLeavesTheTransactionUncredited() throws {
        var fixture = team()
        fixture.accounts.append(
            Account(id: "A9", name: "Nine", location: GeoPoint(latitude: 40, longitude: -100), territoryID: "T9"))
        fixture.book(10_000, on: "2026-03-09", account: "A9")
        let result = try fixture.calculate("2026-03")
        #expect(result.uncredited == ["X1"])
    }
}
