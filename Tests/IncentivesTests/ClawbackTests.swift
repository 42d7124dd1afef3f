import Testing

@testable import Incentives

/// Hand-worked clawbacks (issue 14, "Must show").
@Suite struct ClawbackTests {
    func paidLine() throws -> LedgerLine {
        LedgerLine(
            id: "R1/2026-03/bookings/X1", person: "R1", period: try CompPeriod(parsing: "2026-03"), kind: .earning,
            component: "bookings", amount: dollars(12_000))
    }

    @Test func proRataCancellationAfterFourOfTwelveMonths() throws {
        // $12,000 paid on a $120k deal, cancelled after month 4: 12,000 × 8/12 = 8,000 recovered.
        let policy = try ClawbackPolicy(windowMonths: 12, method: .proRata)
        let open = try CompPeriod(parsing: "2026-07")
        let line = try #require(
            try policy.clawback(
                of: paidLine(), dealAmount: dollars(120_000), refunded: dollars(120_000), monthsInForce: 4,
                reason: "cancelled", postedIn: open))
        #expect(line.amount == dollars(-8_000))
        #expect(line.kind == .clawback)
        #expect(line.references == "R1/2026-03/bookings/X1")
        #expect(line.reason == "cancelled")
        #expect(line.period == open)
    }

    @Test func fullMethodRecoversEverythingInsideTheWindowAndNothingAfter() throws {
        let policy = try ClawbackPolicy(windowMonths: 12, method: .full)
        let open = try CompPeriod(parsing: "2026-07")
        let inside = try policy.clawback(
            of: paidLine(), dealAmount: dollars(120_000), refunded: dollars(120_000), monthsInForce: 11,
            reason: "cancelled", postedIn: open)
        #expect(inside?.amount == dollars(-12_000))
        let outside = try policy.clawback(
            of: paidLine(), dealAmount: dollars(120_000), refunded: dollars(120_000), monthsInForce: 12,
            reason: "cancelled", postedIn: open)
        #expect(outside == nil)
    }

    @Test func partialRefundRecoversItsShareRoundedOnce() throws {
        // $30k of $120k refunded after 4 months, pro rata: 12,000 × 1/4 × 8/12 = 2,000.
        // $1 of $120k refunded after 5 months: 1,200,000 cents × 1/120,000 = 10 cents, × 7/12 = 5.83 → 6 cents.
        let policy = try ClawbackPolicy(windowMonths: 12, method: .proRata)
        let open = try CompPeriod(parsing: "2026-07")
        let quarter = try policy.clawback(
            of: paidLine(), dealAmount: dollars(120_000), refunded: dollars(30_000), monthsInForce: 4,
            reason: "refund", postedIn: open)
        #expect(quarter?.amount == dollars(-2_000))
        let tiny = try policy.clawback(
            of: paidLine(), dealAmount: dollars(120_000), refunded: dollars(1), monthsInForce: 5, reason: "refund",
            postedIn: open)
        #expect(tiny?.amount == Money(cents: -6))
    }

    @Test func refundLargerThanTheDealIsRejected() throws {
        let policy = try ClawbackPolicy(windowMonths: 12, method: .full)
        #expect(throws: LedgerError.self) {
            try policy.clawback(
                of: paidLine(), dealAmount: dollars(100), refunded: dollars(101), monthsInForce: 1, reason: "refund",
                postedIn: try CompPeriod(parsing: "2026-07"))
        }
    }
}
