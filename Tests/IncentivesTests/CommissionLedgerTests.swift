import SalesData
import Testing

@testable import Incentives

/// The SQLite ledger end to end with hand-worked figures (issue 14, "Must show"): every rule posts
/// through `CommissionLedger.run` into an in-memory `SQLiteLedgerStore`.
@Suite struct CommissionLedgerTests {
    /// January paid at quota $100k on $95k (10 %/15 % marginal) = $9,500; the quota corrected in April to
    /// $90k effective January: 90,000 × 10 % + 5,000 × 15 % = 9,750 → +$250 in April.
    @Test func correctedQuotaPostsAnAdjustmentInTheOpenPeriodAndKeepsTheOldVersion() throws {
        var ledger = try LedgerHarness()
        ledger.fixture.quotas = "id,period,amount,quota\nR1,2026-01,100000,bookings\n"
        for month in 2...4 { ledger.fixture.quotas += "R1,2026-0\(month),100000,bookings\n" }
        ledger.fixture.book(95_000, on: "2026-01-20")
        try ledger.close("2026-01")
        #expect(try ledger.payable("2026-01") == dollars(9_500))
        try ledger.close("2026-02")
        try ledger.close("2026-03")
        let january = try ledger.lines("2026-01")

        ledger.fixture.quotas = ledger.fixture.quotas.replacingOccurrences(
            of: "R1,2026-01,100000", with: "R1,2026-01,90000")
        let april = try ledger.run("2026-04")
        #expect(april.restated == [try CompPeriod(parsing: "2026-01"): 2])
        let adjustments = try ledger.lines("2026-04", .priorPeriodAdjustment)
        #expect(adjustments.map(\.amount) == [dollars(250)])
        #expect(adjustments.first?.references == "R1/2026-01/v1")
        #expect(adjustments.first?.reason == "inputs changed: quotas")
        #expect(try ledger.payable("2026-04") == dollars(250))
        // January's paid rows are unchanged; version 1 is what stood at the end of March.
        #expect(try ledger.lines("2026-01") == january)
        let jan = try CompPeriod(parsing: "2026-01")
        let asOfMarch = try ledger.ledger.history(person: "R1", period: jan, asOf: date("2026-03-31"))
        #expect(asOfMarch.map(\.number) == [1])
        #expect(asOfMarch.map(\.total) == [dollars(9_500)])
        let all = try ledger.ledger.history(person: "R1", period: jan)
        #expect(all.map(\.total) == [dollars(9_500), dollars(9_750)])
        #expect(all.map(\.recordedIn.description) == ["2026-01", "2026-04"])
        // Re-running April with the same inputs writes nothing new.
        let before = try ledger.ledger.store.dump()
        #expect(try ledger.run("2026-04").unchanged)
        #expect(try ledger.ledger.store.dump() == before)
    }

    @Test func aLateDealOfAClosedMonthIsAdjustedWhereItArrives() throws {
        var ledger = try LedgerHarness()
        ledger.fixture.book(10_000, on: "2026-01-10")
        try ledger.close("2026-01")
        try ledger.close("2026-02")
        ledger.fixture.book(4_000, on: "2026-01-28")  // entered in March, dated January
        try ledger.run("2026-03")
        let adjustments = try ledger.lines("2026-03", .priorPeriodAdjustment)
        #expect(adjustments.map(\.amount) == [dollars(400)])
        #expect(adjustments.first?.reason == "inputs changed: transactions")
        #expect(try ledger.payable("2026-01") == dollars(1_000))
    }

    @Test func reRunningAnOpenPeriodReplacesItsDraftWithoutDuplicates() throws {
        var ledger = try LedgerHarness()
        ledger.fixture.book(10_000, on: "2026-01-10")
        try ledger.run("2026-01")
        let first = try ledger.ledger.store.dump()
        #expect(try ledger.run("2026-01").unchanged)
        #expect(try ledger.ledger.store.dump() == first)
        ledger.fixture.book(5_000, on: "2026-01-12")
        #expect(!(try ledger.run("2026-01").unchanged))
        #expect(try ledger.lines("2026-01", .earning).map(\.amount) == [dollars(1_500)])
        // back to the first inputs: the same rows as the first run, byte for byte
        ledger.fixture.transactions.removeLast()
        try ledger.run("2026-01")
        #expect(try ledger.ledger.store.dump() == first)
    }

    @Test func stateRulesNameWhatWasExpected() throws {
        var ledger = try LedgerHarness()
        ledger.fixture.book(10_000, on: "2026-01-10")
        let jan = try CompPeriod(parsing: "2026-01")
        #expect(throws: LedgerError.self) { try ledger.ledger.pay(jan) }  // never run
        try ledger.run("2026-01")
        #expect(throws: LedgerError.self) { try ledger.ledger.payroll(jan) }  // not paid
        #expect(throws: LedgerError.self) { try ledger.ledger.pay(jan) }  // not approved
        #expect(throws: LedgerError.self) { try ledger.run("2026-02") }  // January still open
        try ledger.ledger.approve(jan)
        #expect(throws: LedgerError.self) { try ledger.ledger.approve(jan) }
        try ledger.ledger.pay(jan)
        let paid = try ledger.ledger.store.dump()
        do {
            try ledger.run("2026-01")
            Issue.record("running a paid period must fail")
        } catch let error as LedgerError {
            #expect(error.description.contains("2026-01 (paid)"))
            #expect(error.description.contains("closed and immutable"))
        }
        #expect(throws: LedgerError.self) { try ledger.run("2026-03") }  // a gap after January
        #expect(throws: LedgerError.self) { try ledger.ledger.history(person: "R404", period: jan) }
        #expect(try ledger.ledger.store.dump() == paid)
        #expect(try ledger.ledger.payroll(jan).map(\.earningCode) == ["COMM"])
        #expect(try ledger.ledger.payroll(jan).first?.batch.hasPrefix("MER-2026-01-") == true)
    }

    /// Recoverable $1,000 draw, earnings 500/700/400/1,800/1,300/2,000, recovery from month 4: paid
    /// 1,000 ×5 then 1,700; balance 500/800/1,400/600/300/0.
    @Test func recoverableDrawPostsAdvancesAndRecoveries() throws {
        var ledger = try LedgerHarness()
        ledger.policy.draws = [
            LedgerPolicy.DrawRule(
                people: ["R1"], start: try CompPeriod(parsing: "2026-01"),
                terms: DrawTerms(amount: dollars(1_000), kind: .recoverable, recoveryStartsAt: 3))
        ]
        for (month, earned) in [500, 700, 400, 1_800, 1_300, 2_000].enumerated() {
            ledger.fixture.book(Double(earned * 10), on: "2026-0\(month + 1)-15")
        }
        var paid: [Money] = []
        for month in 1...6 {
            try ledger.close("2026-0\(month)")
            paid.append(try ledger.payable("2026-0\(month)"))
        }
        #expect(paid == [1_000, 1_000, 1_000, 1_000, 1_000, 1_700].map(dollars))
        let draws = try ledger.ledger.store.state().draws
        #expect(draws.map(\.draw.balance) == [500, 800, 1_400, 600, 300, 0].map(dollars))
        #expect(try ledger.lines("2026-04", .drawRecovery).map(\.amount) == [dollars(-800)])
        #expect(try ledger.lines("2026-02", .drawAdvance).map(\.amount) == [dollars(300)])
    }

    /// A non-recoverable $5,000 draw on $3,200 earned: a $1,800 top-up, never owed, expensed as not incremental.
    @Test func nonRecoverableDrawTopsUpAndIsNeverOwed() throws {
        var ledger = try LedgerHarness()
        ledger.policy.draws = [
            LedgerPolicy.DrawRule(
                people: ["R1"], start: try CompPeriod(parsing: "2026-01"),
                terms: DrawTerms(amount: dollars(5_000), kind: .nonRecoverable))
        ]
        ledger.fixture.book(32_000, on: "2026-01-15")
        ledger.fixture.book(80_000, on: "2026-02-15")
        try ledger.close("2026-01")
        try ledger.close("2026-02")
        #expect(try ledger.lines("2026-01", .drawAdvance).map(\.amount) == [dollars(1_800)])
        #expect(try ledger.payable("2026-01") == dollars(5_000))
        // February earns 8,000 above the draw: nothing is recovered.
        #expect(try ledger.payable("2026-02") == dollars(8_000))
        #expect(try ledger.ledger.store.state().draws.map(\.draw.balance) == [.zero, .zero])
        let costs = try ledger.ledger.commissionCosts(
            through: try CompPeriod(parsing: "2026-02"), policy: ledger.policy)
        #expect(costs.filter { $0.category == .drawTopUp }.map(\.amount) == [dollars(1_800)])
    }

    @Test func aRecoverableBalanceIsForgivenAtTermination() throws {
        var ledger = try LedgerHarness()
        ledger.fixture.people[0].terminationDate = date("2026-02-15")
        ledger.policy.draws = [
            LedgerPolicy.DrawRule(
                people: ["R1"], start: try CompPeriod(parsing: "2026-01"),
                terms: DrawTerms(amount: dollars(1_000), kind: .recoverable))
        ]
        ledger.fixture.book(3_000, on: "2026-01-15")  // earns 300: advance 700
        try ledger.close("2026-01")
        try ledger.close("2026-02")  // earns 0: advance 1,000, balance 1,700 forgiven on leaving
        #expect(try ledger.lines("2026-02", .drawForgiveness).map(\.amount) == [dollars(1_700)])
        #expect(try ledger.payable("2026-02") == dollars(1_000))
        #expect(try ledger.ledger.store.state().draws.last?.forgiven == dollars(1_700))
    }

    /// A $120k deal paid $12,000 (10 %) in January, cancelled in May after 4 whole months of a 12-month
    /// pro-rata window: 12,000 × 8/12 = −$8,000, referencing January's line.
    @Test func cancellationClawsBackProRataReferencingTheOriginalLine() throws {
        var ledger = try LedgerHarness()
        ledger.policy.clawback = try ClawbackPolicy(windowMonths: 12, method: .proRata)
        ledger.fixture.book(120_000, on: "2026-01-15")
        for month in 1...4 { try ledger.close("2026-0\(month)") }
        #expect(try ledger.payable("2026-01") == dollars(12_000))
        ledger.fixture.transactions.append(
            Transaction(
                id: "X9", kind: .cancellation, date: date("2026-05-20"), accountID: "A1", product: "P-CORE",
                amount: -120_000, orderType: "cancellation", originalID: "X1"))
        try ledger.run("2026-05")
        let clawbacks = try ledger.lines("2026-05", .clawback)
        #expect(clawbacks.map(\.amount) == [dollars(-8_000)])
        #expect(clawbacks.first?.references == "R1/2026-01/bookings/X1")
        #expect(clawbacks.first?.reason?.hasPrefix("cancellation X9 of X1") == true)
        // The engine does not also net the cancellation into May's earnings.
        #expect(try ledger.lines("2026-05", .earning).isEmpty)
        #expect(try ledger.payable("2026-05") == dollars(-8_000))
    }

    @Test func aHoldReleasesAfterItsPeriodsOrOnCustomerPayment() throws {
        var ledger = try LedgerHarness()
        ledger.policy.holds = [LedgerPolicy.HoldRule(components: ["bookings"], release: .afterPeriods(1))]
        ledger.fixture.book(10_000, on: "2026-01-15")
        try ledger.close("2026-01")
        #expect(try ledger.payable("2026-01") == .zero)
        try ledger.close("2026-02")
        #expect(try ledger.lines("2026-02", .holdRelease).map(\.amount) == [dollars(1_000)])
        #expect(try ledger.payable("2026-02") == dollars(1_000))

        var paying = try LedgerHarness()
        paying.policy.holds = [LedgerPolicy.HoldRule(components: ["bookings"], release: .customerPayment)]
        paying.fixture.book(10_000, on: "2026-01-15")  // X1: paid by the customer in March
        paying.fixture.book(20_000, on: "2026-01-20")  // X2: paid in January, not held
        paying.customerPayments = ["X1": date("2026-03-05"), "X2": date("2026-01-30")]
        try paying.close("2026-01")
        #expect(try paying.lines("2026-01", .hold).map(\.amount) == [dollars(-1_000)])
        #expect(try paying.payable("2026-01") == dollars(2_000))
        try paying.close("2026-02")
        #expect(try paying.payable("2026-02") == .zero)
        try paying.close("2026-03")
        #expect(try paying.payable("2026-03") == dollars(1_000))
    }

    @Test func theExpenseRollForwardTiesToTheLedger() throws {
        var ledger = try LedgerHarness()
        ledger.policy.clawback = try ClawbackPolicy(windowMonths: 12, method: .full)
        ledger.policy.accounting = [
            "bookings": LedgerPolicy.CostProfile(category: .newBooking, contractMonths: 24, expectedBenefitMonths: 48)
        ]
        ledger.fixture.book(120_000, on: "2026-01-15")
        ledger.fixture.book(30_000, on: "2026-02-15")
        try ledger.close("2026-01")
        try ledger.close("2026-02")
        ledger.fixture.transactions.append(
            Transaction(
                id: "X9", kind: .refund, date: date("2026-03-02"), accountID: "A1", product: "P-CORE",
                amount: -60_000, orderType: "refund", originalID: "X1"))
        try ledger.close("2026-03")
        let report = try ledger.ledger.expense(through: try CompPeriod(parsing: "2026-03"), policy: ledger.policy)
        // 12,000 + 3,000 capitalized over 48 months; the −6,000 refund clawback reverses expense in March.
        #expect(report.ledgerCosts == dollars(9_000))
        #expect(report.accountedCosts == report.ledgerCosts)
        #expect(report.accounting.rollForward.map(\.additions) == [dollars(12_000), dollars(3_000), .zero])
        #expect(report.accounting.rollForward.last?.expensedAsIncurred == dollars(-6_000))
        // 12,000/48 = 250 a month from January, 3,000/48 = 62.50 from February.
        #expect(report.accounting.rollForward.map(\.amortization) == [25_000, 31_250, 31_250].map(Money.init(cents:)))
    }
}
