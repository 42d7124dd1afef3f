import SalesData
import Testing

@testable import Incentives

/// Proration by days in seat, territory moves, ramps.
@Suite struct ProrationTests {
    @Test func aHireOnAprilFirstIsProrated275Of365() throws {
        // 2026-04-01 … 2026-12-31 is 30+31+30+31+31+30+31+30+31 = 275 days of 365.
        // Quota 365,000 × 275/365 = 275,000; target 36,500 × 275/365 = 27,500; sales 275,000 → 100 % → 27,500.
        var fixture = CompFixture()
        fixture.people[0].hireDate = date("2026-04-01")
        fixture.plans = [
            aePlan(
                targetIncentive: "36500",
                components: """
                          - {name: bookings, period: year, rate_table: {method: marginal, pays: target, tiers: [{from: 0, rate: 1}]}}
                    """)
        ]
        fixture.quotas += "R1,2026,365000,default\n"
        fixture.book(275_000, on: "2026-12-01")
        let result = try fixture.calculate("2026-12")
        let measurement = try #require(result.measurement("R1", "bookings"))
        #expect(measurement.proration == Rate(micros: 753_425))  // 275/365 = 0.7534246…
        #expect(measurement.quota == dollars(275_000))
        #expect(measurement.attainment == .one)
        #expect(result.earning("R1", "bookings")?.amount == dollars(27_500))
    }

    @Test func aMidQuarterMoveBlendsTerritoryQuotasByDaysHeld() throws {
        // Q1 2026 has 90 days; T1 (200,000) held Jan 1 – Feb 14 (45 days), T2 (260,000) from Feb 15 (45 days):
        // 200,000 × 45/90 + 260,000 × 45/90 = 230,000.
        var fixture = CompFixture()
        fixture.repMoves = [.init(id: "R1", territory: "T2", effective: date("2026-02-15"))]
        fixture.plans = [
            aePlan(
                components: """
                          - {name: bookings, period: quarter, rate_table: {method: marginal, pays: credit, tiers: [{from: 0, rate: 10%}]}}
                    """)
        ]
        fixture.quotas += "T1,2026-Q1,200000,default\nT2,2026-Q1,260000,default\n"
        fixture.book(23_000, on: "2026-03-05", account: "A2")
        let result = try fixture.calculate("2026-03")
        #expect(result.measurement("R1", "bookings")?.quota == dollars(230_000))
        #expect(result.measurement("R1", "bookings")?.attainment == Rate(micros: 100_000))
        #expect(result.measurement("R1", "bookings")?.window == "2026-Q1")
    }

    @Test func aRampScalesTheQuotaByMonthInSeat() throws {
        // Hired 2026-02-01; ramp 25 %, 50 %: March is the second month → quota 100,000 × 50 % = 50,000.
        var fixture = CompFixture()
        fixture.people[0].hireDate = date("2026-02-01")
        fixture.plans = [
            aePlan(
                extra: "    ramp: [25%, 50%]\n",
                components: """
                          - {name: bookings, rate_table: {method: marginal, pays: credit, tiers: [{from: 0, rate: 10%}]}}
                    """)
        ]
        fixture.quotas += "R1,2026-03,100000,default\n"
        fixture.book(50_000, on: "2026-03-05")
        let result = try fixture.calculate("2026-03")
        #expect(result.measurement("R1", "bookings")?.quota == dollars(50_000))
        #expect(result.measurement("R1", "bookings")?.attainment == .one)
    }

    @Test func aTerminatedPersonIsNotCalculatedAfterLeaving() throws {
        var fixture = CompFixture()
        fixture.people[0].terminationDate = date("2026-03-01")
        fixture.plans = [aePlan(components: "      - {name: bookings}")]
        let result = try fixture.calculate("2026-03")
        #expect(result.statements.isEmpty)
    }
}
