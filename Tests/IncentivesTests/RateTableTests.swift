import SalesData
import Testing

@testable import Incentives

/// Hand-worked tier and pay-curve figures (`docs/comp-plans.md`, "Worked examples").
@Suite struct RateTableTests {
    /// Quota $100k, sales $104k, 3 % below quota, 5 % above.
    func tierResult(method: String) throws -> CompResult {
        var fixture = CompFixture()
        fixture.plans = [
            aePlan(
                components: """
                          - name: bookings
                            quota: bookings
                            rate_table:
                              method: \(method)
                              pays: credit
                              tiers:
                                - {name: base, from: 0, rate: 3%}
                                - {name: accelerator, from: 100%, rate: 5%}
                    """)
        ]
        fixture.quotas += "R1,2026-03,100000,bookings\n"
        fixture.book(104_000, on: "2026-03-10")
        return try fixture.calculate("2026-03")
    }

    @Test func marginalTiersPayEachSliceAtItsRate() throws {
        // 100,000 × 3 % + 4,000 × 5 % = 3,000 + 200 = 3,200.
        let result = try tierResult(method: "marginal")
        #expect(result.earning("R1", "bookings")?.amount == dollars(3_200))
        #expect(result.earning("R1", "bookings")?.tier == "accelerator")
        #expect(result.measurement("R1", "bookings")?.attainment == Rate(micros: 1_040_000))
    }

    @Test func retroactiveTiersPayEverythingAtTheTierReached() throws {
        // 104,000 × 5 % = 5,200.
        let result = try tierResult(method: "retroactive")
        #expect(result.earning("R1", "bookings")?.amount == dollars(5_200))
        #expect(result.total("R1") == dollars(5_200))
    }

    /// OTE plan: TI $100k, annual quota $800k, threshold 40 %, marginal multiples of target per 100 % of
    /// attainment: 0.5× on 0–50 %, 1.5× on 50–100 %, 2× on 100–150 %, 3× on 150–200 %, 1× above 200 %,
    /// capped at 3 × TI. Hand-worked:
    /// - 35 %: below the threshold → 0.
    /// - 60 %: 0.5 × 50 % + 1.5 × 10 % = 0.40 × TI = 40,000.
    /// - 115 %: 0.25 + 0.75 + 2 × 15 % = 1.30 × TI = 130,000.
    /// - 180 %: 0.25 + 0.75 + 1.0 + 3 × 30 % = 2.90 × TI = 290,000.
    /// - 220 %: 0.25 + 0.75 + 1.0 + 1.5 + 1 × 20 % = 3.70 × TI, capped at 3 × TI = 300,000.
    @Test(arguments: [(280_000, 0), (480_000, 40_000), (920_000, 130_000), (1_440_000, 290_000), (1_760_000, 300_000)])
    func otePayCurveWithThresholdAndCap(sales: Int, expected: Int64) throws {
        var fixture = CompFixture()
        fixture.plans = [
            aePlan(
                components: """
                          - name: bookings
                            period: year
                            threshold: 40%
                            rate_table:
                              method: marginal
                              pays: target
                              tiers:
                                - {name: entry, from: 0, rate: 0.5}
                                - {name: base, from: 50%, rate: 1.5}
                                - {name: accelerator, from: 100%, rate: 2}
                                - {name: super, from: 150%, rate: 3}
                                - {name: decelerator, from: 200%, rate: 1}
                            cap: {per_period: 3x}
                    """)
        ]
        fixture.quotas += "R1,2026,800000,default\n"
        fixture.book(Double(sales), on: "2026-12-15")
        let result = try fixture.calculate("2026-12")
        #expect(result.earning("R1", "bookings")?.amount == dollars(expected))
        #expect(result.earning("R1", "bookings")?.cap.isEmpty == (expected != 300_000))
    }

    @Test func linearPayCurveInterpolatesAndStepTablePaysTheStepReached() throws {
        var fixture = CompFixture()
        fixture.plans = [
            aePlan(
                components: """
                          - name: curve
                            period: year
                            pay_curve:
                              - {attainment: 50%, payout: 0.25}
                              - {attainment: 100%, payout: 1}
                              - {attainment: 150%, payout: 2}
                          - name: steps
                            period: year
                            weight: 0
                            step_table:
                              - {attainment: 50%, payout: 0.5}
                              - {attainment: 100%, payout: 1}
                    """)
        ]
        fixture.quotas += "R1,2026,1000000,default\n"
        fixture.book(1_200_000, on: "2026-12-01")  // 120 %: 1 + (0.2 / 0.5) × 1 = 1.4 × TI
        let result = try fixture.calculate("2026-12")
        #expect(result.earning("R1", "curve")?.amount == dollars(140_000))
        #expect(result.earning("R1", "steps")?.amount == .zero)  // weight 0
    }
}
