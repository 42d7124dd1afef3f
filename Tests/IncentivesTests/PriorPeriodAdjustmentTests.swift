import Testing

@testable import Incentives

/// Prior-period adjustments computed from the real calculation engine (issue 14, "Must show").
@Suite struct PriorPeriodAdjustmentTests {
    /// January, $95k booked, marginal 10 % below quota and 15 % above, at a January quota of `quota`.
    func january(quota: Int) throws -> [LedgerLine] {
        var fixture = CompFixture()
        fixture.plans = [
            aePlan(
                components: """
                          - name: bookings
                            quota: bookings
                            rate_table:
                              method: marginal
                              pays: credit
                              tiers:
                                - {name: base, from: 0, rate: 10%}
                                - {name: accelerator, from: 100%, rate: 15%}
                    """)
        ]
        fixture.quotas += "R1,2026-01,\(quota),bookings\n"
        fixture.book(95_000, on: "2026-01-20")
        let result = try fixture.calculate("2026-01")
        return result.earnings.map { earning in
            LedgerLine(
                id: "\(earning.person)/2026-01/\(earning.component)", person: earning.person.rawValue,
                period: result.period, kind: .earning, component: earning.component, amount: earning.amount)
        }
    }

    @Test func correctedQuotaPostsTheDifferenceInTheOpenPeriod() throws {
        let jan = try CompPeriod(parsing: "2026-01")
        let march = try CompPeriod(parsing: "2026-03")
        let april = try CompPeriod(parsing: "2026-04")
        // Quota $100k: 95,000 × 10 % = 9,500.
        let original = try january(quota: 100_000)
        #expect(original.map(\.amount) == [dollars(9_500)])
        var history = try PeriodHistory(original: original, period: jan, recordedIn: jan)

        // Quota corrected to $90k effective January: 90,000 × 10 % + 5,000 × 15 % = 9,000 + 750 = 9,750.
        let corrected = try january(quota: 90_000)
        #expect(corrected.map(\.amount) == [dollars(9_750)])
        let adjustments = try history.restate(
            lines: corrected, recordedIn: april, reason: "quota corrected to 90000 effective 2026-01")

        #expect(adjustments.count == 1)
        #expect(adjustments.first?.amount == dollars(250))
        #expect(adjustments.first?.period == april)
        #expect(adjustments.first?.kind == .priorPeriodAdjustment)
        #expect(adjustments.first?.references == "R1/2026-01/v1")
        // January's original lines are unchanged and still what was current as of March.
        #expect(history.versions.count == 2)
        #expect(history.versions[0].lines == original)
        #expect(history.asOf(march)?.number == 1)
        #expect(history.asOf(march)?.lines.map(\.amount) == [dollars(9_500)])
        #expect(history.asOf(april)?.lines.map(\.amount) == [dollars(9_750)])
    }

    @Test func successiveRestatementsAddUpToTheLatestMinusTheOriginal() throws {
        let jan = try CompPeriod(parsing: "2026-01")
        let line = { (amount: Int64) in
            LedgerLine(
                id: "R1/2026-01/bookings", person: "R1", period: jan, kind: .earning, component: "bookings",
                amount: Money(cents: amount))
        }
        var history = try PeriodHistory(original: [line(950_000)], period: jan, recordedIn: jan)
        let first = try history.restate(
            lines: [line(975_000)], recordedIn: try CompPeriod(parsing: "2026-04"), reason: "quota")
        let second = try history.restate(
            lines: [line(960_001)], recordedIn: try CompPeriod(parsing: "2026-05"), reason: "late deal reversed")
        #expect(first.map(\.amount) == [Money(cents: 25_000)])
        #expect(second.map(\.amount) == [Money(cents: -14_999)])
        #expect(second.first?.references == "R1/2026-01/v2")
        #expect((first + second).reduce(Money.zero) { $0 + $1.amount } == Money(cents: 10_001))
        // Unchanged recalculation: no adjustment lines, but the version is kept.
        #expect(
            try history.restate(
                lines: [line(960_001)], recordedIn: try CompPeriod(parsing: "2026-05"), reason: "re-run"
            ).isEmpty)
        #expect(history.versions.count == 4)
    }

    @Test func restatingIntoAClosedOrEarlierPeriodIsRejected() throws {
        let jan = try CompPeriod(parsing: "2026-01")
        var history = try PeriodHistory(original: [], period: jan, recordedIn: jan)
        #expect(throws: LedgerError.self) { try history.restate(lines: [], recordedIn: jan, reason: "x") }
    }
}
