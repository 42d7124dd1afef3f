import Testing

@testable import Incentives

/// Hand-worked draw schedules (issue 14, "Must show"; `docs/commission-accounting.md`, "Draws").
@Suite struct DrawTests {
    /// Recoverable $1,000/period, earnings 500/700/400/1,800/1,300/2,000, recovery from period 4 (index 3).
    ///
    /// | period | earned | advance | recovered            | paid  | balance |
    /// |--------|--------|---------|----------------------|-------|---------|
    /// | 1      | 500    | 500     | —                    | 1,000 | 500     |
    /// | 2      | 700    | 300     | —                    | 1,000 | 800     |
    /// | 3      | 400    | 600     | —                    | 1,000 | 1,400   |
    /// | 4      | 1,800  | 0       | min(1,400, 800) = 800| 1,000 | 600     |
    /// | 5      | 1,300  | 0       | min(600, 300) = 300  | 1,000 | 300     |
    /// | 6      | 2,000  | 0       | min(300, 1,000) = 300| 1,700 | 0       |
    @Test func recoverableDrawRecoversOnlyEarningsAboveTheDraw() throws {
        let schedule = try DrawSchedule(
            terms: DrawTerms(amount: dollars(1_000), kind: .recoverable, recoveryStartsAt: 3))
        let periods = schedule.run(earnings: [500, 700, 400, 1_800, 1_300, 2_000].map(dollars))
        #expect(periods.map(\.paid) == [1_000, 1_000, 1_000, 1_000, 1_000, 1_700].map(dollars))
        #expect(periods.map(\.balance) == [500, 800, 1_400, 600, 300, 0].map(dollars))
        #expect(periods.map(\.recovered) == [0, 0, 0, 800, 300, 300].map(dollars))
        #expect(periods.map(\.advance) == [500, 300, 600, 0, 0, 0].map(dollars))
        for period in periods { #expect(period.paid == period.earned + period.advance - period.recovered) }
    }

    @Test func recoveryWaitsForItsStartPeriod() throws {
        // Same earnings, recovery from period 6 only: periods 4 and 5 pay all earnings; period 6 recovers
        // min(1,400, 2,000 − 1,000) = 1,000 → paid 1,000, balance 400.
        let schedule = try DrawSchedule(
            terms: DrawTerms(amount: dollars(1_000), kind: .recoverable, recoveryStartsAt: 5))
        let periods = schedule.run(earnings: [500, 700, 400, 1_800, 1_300, 2_000].map(dollars))
        #expect(periods.map(\.paid) == [1_000, 1_000, 1_000, 1_800, 1_300, 1_000].map(dollars))
        #expect(periods.map(\.balance) == [500, 800, 1_400, 1_400, 1_400, 400].map(dollars))
    }

    @Test func maximumRecoveryPerPeriodLimitsEachRecovery() throws {
        // Cap $250: period 4 recovers 250 (paid 1,550, balance 1,150), period 5 250 (paid 1,050, 900),
        // period 6 250 (paid 1,750, 650).
        let terms = DrawTerms(
            amount: dollars(1_000), kind: .recoverable, recoveryStartsAt: 3, maxRecoveryPerPeriod: dollars(250))
        let periods = try DrawSchedule(terms: terms).run(earnings: [500, 700, 400, 1_800, 1_300, 2_000].map(dollars))
        #expect(periods.map(\.paid) == [1_000, 1_000, 1_000, 1_550, 1_050, 1_750].map(dollars))
        #expect(periods.map(\.balance) == [500, 800, 1_400, 1_150, 900, 650].map(dollars))
    }

    @Test func nonRecoverableTopUpIsNeverOwed() throws {
        // $5,000 draw on $3,200 earned → $1,800 top-up; nothing owed now or after a later good period.
        let schedule = try DrawSchedule(terms: DrawTerms(amount: dollars(5_000), kind: .nonRecoverable))
        let periods = schedule.run(earnings: [dollars(3_200), dollars(9_000)])
        #expect(periods[0].advance == dollars(1_800))
        #expect(periods[0].paid == dollars(5_000))
        #expect(periods[0].balance == .zero)
        #expect(periods[1].recovered == .zero)
        #expect(periods[1].paid == dollars(9_000))
        #expect(schedule.terminate(balance: periods[1].balance) == DrawSettlement(forgiven: .zero, owed: .zero))
    }

    @Test func terminationForgivesOrClaimsTheBalance() throws {
        let forgive = try DrawSchedule(terms: DrawTerms(amount: dollars(1_000), kind: .recoverable))
        #expect(forgive.terminate(balance: dollars(300)) == DrawSettlement(forgiven: dollars(300), owed: .zero))
        let repay = try DrawSchedule(
            terms: DrawTerms(amount: dollars(1_000), kind: .recoverable, atTermination: .repay))
        #expect(repay.terminate(balance: dollars(300)) == DrawSettlement(forgiven: .zero, owed: dollars(300)))
    }

    @Test func negativeTermsAreRejectedWithTheField() {
        #expect(throws: LedgerError(field: "draw.amount", value: "-1.00", expected: "an amount ≥ 0")) {
            try DrawSchedule(terms: DrawTerms(amount: dollars(-1), kind: .recoverable))
        }
    }
}
