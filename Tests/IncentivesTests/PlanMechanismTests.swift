import SalesData
import Testing

@testable import Incentives

/// Multi-component plans, gates, modifiers, MBOs, SPIFFs, caps and to-date payouts.
@Suite struct PlanMechanismTests {
    /// TI 100,000 split 60/25/15 over a year, all figures annual and paid in December.
    ///
    /// - new business (60 %, P-CORE, quota 1,000,000): sales 1,100,000 = 110 %, 1× to quota and 2× above
    ///   → 60,000 × (1 + 2 × 10 %) = 72,000; gated on services ≥ `gate`, else counted only up to 100 % → 60,000.
    /// - services (25 %, P-SERVICES, quota 400,000): sales 360,000 = 90 %, linear → 22,500.
    /// - MBO (15 %): score 67 % → 10,050.
    /// Total 72,000 + 22,500 + 10,050 = 104,550; with the gate at 95 % (not met): 60,000 + 32,550 = 92,550.
    func threeMeasurePlan(gate: String) throws -> CompResult {
        var fixture = CompFixture()
        fixture.plans = [
            aePlan(
                components: """
                          - name: new-business
                            period: year
                            weight: 60%
                            filter: {product: [P-CORE]}
                            quota: new
                            gate: {component: services, at_least: \(gate), otherwise_cap_attainment: 100%}
                            rate_table:
                              method: marginal
                              pays: target
                              tiers: [{name: base, from: 0, rate: 1}, {name: accelerator, from: 100%, rate: 2}]
                          - name: services
                            period: year
                            weight: 25%
                            filter: {product: [P-SERVICES]}
                            quota: services
                            rate_table: {method: marginal, pays: target, tiers: [{from: 0, rate: 1}]}
                          - name: objectives
                            type: mbo
                            period: year
                            weight: 15%
                    """)
        ]
        fixture.quotas += "R1,2026,1000000,new\nR1,2026,400000,services\n"
        fixture.scores.set(Rate(micros: 670_000), person: "R1", component: "objectives", window: "2026")
        fixture.book(1_100_000, on: "2026-12-03")
        fixture.book(360_000, on: "2026-12-04", product: "P-SERVICES")
        return try fixture.calculate("2026-12")
    }

    @Test func threeMeasurePlanPays104550WithTheGateMet() throws {
        let result = try threeMeasurePlan(gate: "90%")
        #expect(result.earning("R1", "new-business")?.amount == dollars(72_000))
        #expect(result.earning("R1", "services")?.amount == dollars(22_500))
        #expect(result.earning("R1", "objectives")?.amount == dollars(10_050))
        #expect(result.total("R1") == dollars(104_550))
    }

    @Test func threeMeasurePlanPays92550WhenTheGateIsNotMet() throws {
        let result = try threeMeasurePlan(gate: "95%")
        #expect(result.earning("R1", "new-business")?.amount == dollars(60_000))
        #expect(result.total("R1") == dollars(92_550))
        #expect(
            result.earning("R1", "new-business")?.trace.contains { $0.hasPrefix("gate: services attainment 90%") }
                == true)
    }

    @Test func aModifierMultipliesWhenAnotherComponentIsBelowItsLevel() throws {
        // 5,000 commission × 0.75 because services attainment 0 % < 50 %.
        var fixture = CompFixture()
        fixture.plans = [
            aePlan(
                components: """
                          - name: bookings
                            modifiers: [{name: low-services, component: services, below: 50%, multiply: 0.75}]
                            rate_table: {method: marginal, pays: credit, tiers: [{from: 0, rate: 10%}]}
                          - {name: services, weight: 0, filter: {product: [P-SERVICES]}}
                    """)
        ]
        fixture.quotas += "R1,2026-03,100000,default\n"
        fixture.book(50_000, on: "2026-03-05")
        let result = try fixture.calculate("2026-03")
        #expect(result.earning("R1", "bookings")?.amount == dollars(3_750))
    }

    @Test func spiffsPayPerTransactionOrOncePerPeriod() throws {
        var fixture = CompFixture()
        fixture.plans = [
            aePlan(
                components: """
                          - {name: per-deal, type: spiff, spiff: {flat: 500, per: transaction}}
                          - {name: once, type: spiff, spiff: {flat: 1000, per: period}}
                          - {name: percent, type: spiff, spiff: {percent: 1%}, filter: {product: [P-CORE]}}
                    """)
        ]
        fixture.book(10_000, on: "2026-03-05")
        fixture.book(20_000.5, on: "2026-03-06")
        fixture.book(-1_000, on: "2026-03-07", kind: .refund)
        let result = try fixture.calculate("2026-03")
        #expect(result.earning("R1", "per-deal")?.amount == dollars(500))  // 500 + 500 − 500
        #expect(result.earning("R1", "once")?.amount == dollars(1_000))
        // 100.00 + 200.005 → 200.00 (half to even) − 10.00 = 290.00
        #expect(result.earning("R1", "percent")?.amount == dollars(290))
        #expect(result.total("R1") == dollars(1_790))
    }

    @Test func quarterToDatePaysTheDifferenceEachMonthAndAYearCapBindsOnce() throws {
        var fixture = CompFixture()
        fixture.plans = [
            aePlan(
                components: """
                          - name: bookings
                            period: quarter
                            cap: {per_year: 15000}
                            rate_table: {method: marginal, pays: credit, tiers: [{from: 0, rate: 10%}]}
                    """)
        ]
        fixture.quotas += "R1,2026-Q1,100000,default\n"
        fixture.book(60_000, on: "2026-01-10")
        fixture.book(40_000, on: "2026-02-10")
        fixture.book(80_000, on: "2026-03-10")
        let january = try fixture.calculate("2026-01")
        let february = try fixture.calculate("2026-02")
        let march = try fixture.calculate("2026-03")
        #expect(january.earning("R1", "bookings")?.amount == dollars(6_000))
        #expect(february.earning("R1", "bookings")?.amount == dollars(4_000))
        // QTD 18,000 but the year cap is 15,000 and 10,000 was paid: 5,000.
        #expect(march.earning("R1", "bookings")?.amount == dollars(5_000))
        #expect(march.earning("R1", "bookings")?.paidBefore == dollars(10_000))
    }

    @Test func statementLinesAddUpToTheTotalByLargestRemainder() throws {
        var fixture = CompFixture()
        fixture.plans = [
            aePlan(
                components: """
                          - {name: bookings, rate_table: {method: marginal, pays: credit, tiers: [{from: 0, rate: 1%}]}}
                    """)
        ]
        fixture.quotas += "R1,2026-03,100000,default\n"
        for day in ["2026-03-02", "2026-03-03", "2026-03-04"] { fixture.book(3_333.33, on: day) }
        let result = try fixture.calculate("2026-03")
        let statement = try #require(result.statements.first)
        #expect(statement.total == Money(cents: 10_000))  // 9,999.99 × 1 % = 99.9999 → 100.00
        #expect(statement.lines.map(\.amount.cents) == [3_334, 3_333, 3_333])
        #expect(statement.lines.reduce(Money.zero) { $0 + $1.amount } == statement.total)
    }
}
