import Testing

@testable import Incentives

/// ASC 340-40 / IFRS 15 commission accounting, hand-worked (issue 14; `docs/commission-accounting.md`).
@Suite struct CommissionAccountingTests {
    func month(_ text: String) throws -> CompPeriod { try CompPeriod(parsing: text) }

    func cost(
        _ id: String, _ category: CommissionCost.Category, cents: Int64, incurred: String, contract: Int, life: Int,
        commensurate: Bool, churned: String? = nil
    ) throws -> CommissionCost {
        CommissionCost(
            id: id, person: "R1", contract: "K1", category: category, amount: Money(cents: cents),
            incurred: try month(incurred), contractMonths: contract, expectedBenefitMonths: life,
            renewalCommensurate: commensurate, churned: try churned.map(month))
    }

    /// KPMG: 30 paid on a 2-year contract, 10 on each 2-year renewal, expected customer life 4 years.
    ///
    /// The renewal commission (10) is not commensurate with 30, so the 30 is amortized over the 4-year life;
    /// each 10 is commensurate with the next renewal's 10, so it is amortized over its own 2 years.
    func kpmg() throws -> [CommissionCost] {
        [
            try cost(
                "initial", .newBooking, cents: 3_000, incurred: "2026-01", contract: 24, life: 48, commensurate: false),
            try cost(
                "renewal-1", .renewal, cents: 1_000, incurred: "2028-01", contract: 24, life: 24, commensurate: true),
            try cost(
                "renewal-2", .renewal, cents: 1_000, incurred: "2030-01", contract: 24, life: 24, commensurate: true),
        ]
    }

    @Test func kpmgExampleAmortizesThirtyOverFourYearsAndEachTenOverTwo() throws {
        let costs = try kpmg()
        #expect(CommissionAccounting.treatment(of: costs[0]) == .capitalized(.incrementalNew, months: 48))
        #expect(CommissionAccounting.treatment(of: costs[1]) == .capitalized(.incrementalRenewal, months: 24))
        let books = try CommissionAccounting(costs: costs)
        let report = books.report(from: try month("2026-01"), through: try month("2031-12"))
        let amortized = { (id: String) in report.entries.filter { $0.cost == id && $0.kind == .amortize } }
        #expect(amortized("initial").count == 48)
        #expect(amortized("initial").first?.month == (try month("2026-01")))
        #expect(amortized("initial").last?.month == (try month("2029-12")))
        #expect(amortized("initial").reduce(Money.zero) { $0 + $1.amount } == Money(cents: 3_000))
        for renewal in ["renewal-1", "renewal-2"] {
            #expect(amortized(renewal).count == 24)
            #expect(amortized(renewal).reduce(Money.zero) { $0 + $1.amount } == Money(cents: 1_000))
        }
        #expect(amortized("renewal-1").last?.month == (try month("2029-12")))
        #expect(amortized("renewal-2").last?.month == (try month("2031-12")))
        #expect(report.rollForward.last?.closing == .zero)
    }

    @Test func straightLineRoundsCumulativelySoTheMonthsTie() {
        // 3,000 cents / 48 = 62.5 a month, cumulative rounded half to even: round(62.5) = 62,
        // round(125) − 62 = 63, round(187.5) = 188 → 63, round(250) − 188 = 62.
        let schedule = CommissionAccounting.straightLine(Money(cents: 3_000), months: 48)
        #expect(schedule.count == 48)
        #expect(Array(schedule.prefix(4)) == [62, 63, 63, 62].map(Money.init(cents:)))
        #expect(schedule.reduce(.zero, +) == Money(cents: 3_000))
        // 1,000 cents / 24 = 41.67: 42, 41, 42 (round(41.67), round(83.33) − 42, round(125) − 83).
        #expect(
            Array(CommissionAccounting.straightLine(Money(cents: 1_000), months: 24).prefix(3))
                == [42, 41, 42].map(Money.init(cents:)))
    }

    @Test func rollForwardTiesAndSplitsCurrentFromNonCurrent() throws {
        let books = try CommissionAccounting(costs: try kpmg())
        let report = books.report(from: try month("2026-01"), through: try month("2031-12"))
        var previousClosing = Money.zero
        for row in report.rollForward {
            #expect(row.opening == previousClosing)
            #expect(row.opening + row.additions - row.amortization - row.impairment == row.closing)
            #expect(row.current + row.nonCurrent == row.closing)
            previousClosing = row.closing
        }
        // End of January 2026: 3,000 − 62 = 2,938; next 12 months round(3,000·13/48) − 62 = 812 − 62 = 750 current.
        let january = try #require(report.rollForward.first)
        #expect(january.additions == Money(cents: 3_000))
        #expect(january.closing == Money(cents: 2_938))
        #expect(january.current == Money(cents: 750))
        #expect(january.nonCurrent == Money(cents: 2_188))
        // Totals tie to the costs: additions 5,000 = amortization 5,000 over the whole life.
        let totals = report.rollForward.reduce(into: (add: Money.zero, amortized: Money.zero)) {
            $0.add += $1.additions
            $0.amortized += $1.amortization
        }
        #expect(totals.add == Money(cents: 5_000))
        #expect(totals.amortized == Money(cents: 5_000))
        // A report starting mid-life opens at the carrying amount: end of 2027-12, 3,000 − round(3,000·24/48) = 1,500.
        let later = books.report(from: try month("2028-01"), through: try month("2028-01"))
        #expect(later.rollForward.first?.opening == Money(cents: 1_500))
    }

    @Test func churnImpairsTheRemainingBalance() throws {
        // 30 over 48 months from 2026-01, churned 2026-11: Jan–Oct amortize round(3,000·10/48) = 625;
        // November impairs 3,000 − 625 = 2,375 and amortizes nothing.
        let churned = try cost(
            "initial", .newBooking, cents: 3_000, incurred: "2026-01", contract: 24, life: 48, commensurate: false,
            churned: "2026-11")
        let report = try CommissionAccounting(costs: [churned]).report(
            from: try month("2026-01"), through: try month("2026-12"))
        let november = try #require(report.rollForward.first { $0.month == (try? month("2026-11")) })
        #expect(november.opening == Money(cents: 2_375))
        #expect(november.amortization == .zero)
        #expect(november.impairment == Money(cents: 2_375))
        #expect(november.closing == .zero)
        #expect(report.entries.filter { $0.kind == .impair }.map(\.amount) == [Money(cents: 2_375)])
        #expect(report.rollForward.last?.closing == .zero)
        #expect(report.entries.filter { $0.kind == .amortize }.count == 10)
    }

    @Test func nonIncrementalAndShortCostsAreExpensedWithTheirReason() throws {
        let mbo = try cost("mbo", .mbo, cents: 50_000, incurred: "2026-03", contract: 36, life: 36, commensurate: false)
        let spiff = try cost(
            "spiff", .activitySpiff, cents: 10_000, incurred: "2026-03", contract: 36, life: 36, commensurate: false)
        let topUp = try cost(
            "draw", .drawTopUp, cents: 180_000, incurred: "2026-03", contract: 36, life: 36, commensurate: false)
        let annual = try cost(
            "annual", .newBooking, cents: 20_000, incurred: "2026-03", contract: 12, life: 12, commensurate: true)
        let commensurateAnnual = try cost(
            "c12", .newBooking, cents: 20_000, incurred: "2026-03", contract: 12, life: 60, commensurate: true)
        let upsell = try cost(
            "upsell", .upsell, cents: 36_000, incurred: "2026-03", contract: 12, life: 36, commensurate: false)
        #expect(CommissionAccounting.treatment(of: mbo) == .expensed(.notIncremental))
        #expect(CommissionAccounting.treatment(of: spiff) == .expensed(.notIncremental))
        #expect(CommissionAccounting.treatment(of: topUp) == .expensed(.notIncremental))
        #expect(CommissionAccounting.treatment(of: annual) == .expensed(.practicalExpedient))
        #expect(CommissionAccounting.treatment(of: commensurateAnnual) == .expensed(.practicalExpedient))
        #expect(CommissionAccounting.treatment(of: upsell) == .capitalized(.incrementalUpsell, months: 36))
        let report = try CommissionAccounting(costs: [mbo, spiff, topUp, annual, commensurateAnnual, upsell]).report(
            from: try month("2026-03"), through: try month("2026-03"))
        let row = try #require(report.rollForward.first)
        // Expensed: 500 + 100 + 1,800 + 200 + 200 = 2,800; capitalized 360, amortized 10 (360/36).
        #expect(row.expensedAsIncurred == Money(cents: 280_000))
        #expect(row.additions == Money(cents: 36_000))
        #expect(row.amortization == Money(cents: 1_000))
        #expect(row.additions + row.expensedAsIncurred == Money(cents: 316_000))
    }

    @Test func badCostsAreRejectedNamingTheCost() throws {
        let short = try cost(
            "K9", .newBooking, cents: 100, incurred: "2026-01", contract: 24, life: 12, commensurate: false)
        #expect(
            throws: LedgerError(
                field: "cost[K9].expectedBenefitMonths", value: "12", expected: "at least the contract term (24 months)"
            )
        ) { try CommissionAccounting(costs: [short]) }
    }
}
