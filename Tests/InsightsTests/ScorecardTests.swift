import Foundation
import Insights
import SalesData
import TestSupport
import Testing

/// A hand-checked company: manager M1 with reps R1 (quota 100,000) and R2 (quota 50,000), period
/// 2026-Q3 (92 days) as of 2026-08-15 (46 days elapsed, half the period).
enum ScorecardFixture {
    static func day(_ text: String) -> CalendarDate {
        (try? CalendarDate(iso8601: text)) ?? CalendarDate(daysSinceEpoch: 0)
    }

    static let dataset: SalesDataset? = {
        let here = GeoPoint(latitude: 40, longitude: -100)
        let accounts = [
            Account(id: "A1", name: "Alpha", location: here, segment: "Enterprise"),
            Account(id: "A2", name: "Beta", location: here, segment: "SMB"),
            Account(id: "A3", name: "Gamma", location: here, segment: "SMB"),
        ]
        let reps = [
            Rep(id: "M1", name: "Morgan", role: "District Manager"),
            Rep(id: "R1", name: "Riley", managerID: "M1"),
            Rep(id: "R2", name: "Casey", managerID: "M1"),
        ]
        let transactions = [
            Transaction(
                id: "X1", kind: .booking, date: day("2026-07-10"), accountID: "A1", amount: 40_000, ownerID: "R1"),
            Transaction(
                id: "X2", kind: .booking, date: day("2026-08-20"), accountID: "A1", amount: 10_000, ownerID: "R1"),
            Transaction(
                id: "X3", kind: .booking, date: day("2026-06-30"), accountID: "A2", amount: 5_000, ownerID: "R2"),
            Transaction(
                id: "X4", kind: .booking, date: day("2026-07-20"), accountID: "A2", amount: 20_000, ownerID: "R2",
                splits: [CreditSplit(repID: "R2", percentage: 50), CreditSplit(repID: "R1", percentage: 50)]),
            Transaction(
                id: "X5", kind: .refund, date: day("2026-08-01"), accountID: "A2", amount: -2_000, ownerID: "R2"),
        ]
        func deal(
            _ id: OpportunityID, _ account: AccountID, _ owner: RepID, _ amount: Double, _ stage: String,
            _ created: String,
            _ close: String, closed: Bool = false, won: Bool = false
        ) -> Opportunity {
            Opportunity(
                id: id, accountID: account, ownerID: owner, amount: amount, stage: stage,
                probability: won ? 1 : closed ? 0 : 0.5,
                createdDate: day(created), closeDate: day(close), isClosed: closed, isWon: won)
        }
        let deals = [
            deal("O1", "A1", "R1", 60_000, "Proposal", "2026-06-01", "2026-09-15"),
            deal("O2", "A1", "R1", 30_000, "Negotiation", "2026-07-05", "2026-08-10"),
            deal("O3", "A3", "R1", 50_000, "Prospecting", "2026-08-01", "2026-12-15"),
            deal("O4", "A1", "R1", 40_000, "Closed Won", "2026-05-01", "2026-07-10", closed: true, won: true),
            deal("O5", "A2", "R1", 25_000, "Closed Lost", "2026-07-02", "2026-08-05", closed: true),
            deal("O6", "A2", "R2", 20_000, "Closed Won", "2026-06-20", "2026-07-20", closed: true, won: true),
            deal("O7", "A3", "R2", 10_000, "Qualification", "2026-07-15", "2026-09-01"),
        ]
        let activities = [
            Activity(
                id: "E1", kind: .email, date: day("2026-07-01"), accountID: "A1", repID: "R1", opportunityID: "O1",
                text: "Great demo, the team loved it."),
            Activity(
                id: "E2", kind: .email, date: day("2026-08-10"), accountID: "A1", repID: "R1", opportunityID: "O2",
                text: "Procurement delays mean we won't sign this quarter."),
            Activity(
                id: "E3", kind: .call, date: day("2026-08-14"), accountID: "A3", repID: "R2", opportunityID: "O7",
                text: "Intro call."),
        ]
        return try? SalesDataset(
            accounts: accounts, reps: reps, opportunities: deals, transactions: transactions, activities: activities)
    }()

    static let request = InsightsRequest(
        period: "2026-Q3", asOf: day("2026-08-15"), quotas: ["R1": 100_000, "R2": 50_000])
}

@Suite struct ScorecardTests {
    func result() throws -> InsightsResult {
        let data = try #require(ScorecardFixture.dataset)
        return try InsightsEngine(analyzer: SentimentAnalyzer(lexicon: SentimentFixtures.salesLexicon))
            .run(ScorecardFixture.request, dataset: data)
    }

    func card(_ level: Scorecard.Level, _ key: String) throws -> Scorecard {
        try #require(try result().scorecards.first { $0.level == level && $0.key == key })
    }

    @Test func attainmentPaceAndCoverageOfARep() throws {
        let r1 = try card(.rep, "R1")
        // 40,000 (X1) + half of X4's 20,000; X2 falls after the as-of day.
        #expect(r1.totals.bookings == 50_000)
        #expect(r1.elapsedDays == 46 && r1.periodDays == 92)
        #expect(r1.attainment == 0.5)
        #expect(r1.pace == 1.0)
        // O1 60,000 + O2 30,000 (past due, still open); O3 closes after the period.
        #expect(r1.totals.openPipeline == 90_000)
        #expect(r1.remainingQuota == 50_000)
        #expect(r1.coverage == 1.8)
        #expect(r1.concentration.map { isApproximatelyEqual($0, 2.0 / 3) } == true)
        let r2 = try card(.rep, "R2")
        // Half of X4 less the 2,000 refund: 8,000 of 50,000 is 0.16, pace 0.32.
        #expect(r2.totals.bookings == 8_000)
        #expect(r2.attainment.map { isApproximatelyEqual($0, 0.16) } == true)
        #expect(r2.pace.map { isApproximatelyEqual($0, 0.32) } == true)
        #expect(r2.coverage.map { isApproximatelyEqual($0, 10_000.0 / 42_000) } == true)
    }

    @Test func winRateDealSizeCycleAndVelocity() throws {
        let r1 = try card(.rep, "R1")
        #expect(r1.totals.wonDeals == 1 && r1.totals.lostDeals == 1 && r1.totals.openDeals == 3)
        #expect(r1.winRate == 0.5 && r1.averageDeal == 40_000 && r1.cycleDays == 70)
        // 3 open deals × 40,000 × 0.5 ÷ 70 days.
        #expect(r1.velocity.map { isApproximatelyEqual($0, 3 * 40_000 * 0.5 / 70) } == true)
        let team = try card(.team, "M1")
        // 4 open deals × 30,000 average × 2/3 win rate ÷ 50 days = 1,600 per day.
        #expect(team.velocity.map { isApproximatelyEqual($0, 1_600) } == true)
        #expect(team.totals.quota == 150_000 && team.totals.bookings == 58_000)
    }

    @Test func stageConversionCountsTheHighestStageReached() throws {
        let r1 = try card(.rep, "R1")
        // Created in the window: O2 (Negotiation), O3 (Prospecting), O5 (lost: first stage only).
        #expect(r1.totals.stageReached == [3, 1, 1, 1, 0])
        #expect(r1.stageConversion == [1.0 / 3, 1, 1, 0])
    }

    @Test func newCustomersActivitiesSegmentsAndCompany() throws {
        #expect(try card(.rep, "R1").totals.newCustomers == 1)  // A1's first booking is X1; A2 bought in June
        #expect(try card(.rep, "R2").totals.newCustomers == 0)
        #expect(try card(.rep, "R1").totals.emails == 2 && card(.rep, "R2").totals.calls == 1)
        #expect(try card(.segment, "Enterprise").totals.bookings == 40_000)
        #expect(try card(.segment, "SMB").totals.bookings == 18_000)
        let company = try card(.company, "company")
        #expect(company.totals.bookings == 58_000 && company.totals.quota == 150_000)
    }

    @Test func healthFlagsNameTheDealsRepsAndAccounts() throws {
        let flags = try result().flags
        func keys(_ kind: PipelineFlag.Kind) -> [String] {
            flags.filter { $0.kind == kind }.map {
                $0.opportunityID?.rawValue ?? $0.accountID?.rawValue ?? $0.repID?.rawValue ?? ""
            }
        }
        #expect(keys(.staleOpportunity) == ["O1"])  // last touch 2026-07-01: 45 days
        #expect(keys(.slippedCloseDate) == ["O2"])  // due 2026-08-10
        #expect(keys(.lowCoverage) == ["R1", "R2"])
        #expect(keys(.concentration) == ["R1", "R2"])
        #expect(keys(.fallingSentiment) == ["A1"])
        #expect(
            flags.first { $0.kind == .lowCoverage }?.detail == "coverage 1.8x of 50,000 remaining quota, target 3.0x")
    }

    @Test func periodsParseInTheFiscalCalendar() throws {
        let q3 = try ReportingPeriod(parsing: "2026-Q3", calendar: .calendarYear)
        #expect(q3.start.description == "2026-07-01" && q3.end.description == "2026-09-30" && q3.dayCount == 92)
        let february = try FiscalCalendar(startMonth: 2)
        let q1 = try ReportingPeriod(parsing: "2026-Q1", calendar: february)
        #expect(q1.start.description == "2025-02-01" && q1.end.description == "2025-04-30")
        #expect(throws: InsightsError.invalidPeriod("2026-Q5")) {
            try ReportingPeriod(parsing: "2026-Q5", calendar: .calendarYear)
        }
    }

    @Test func configurationRejectsUnknownKeysWithTheirLocation() throws {
        let yaml = "period: 2026-Q3\nhealth:\n  staleDays: 20\n  coverageTraget: 2\n"
        let error = try #require(throws: ConfigurationError.self) {
            try InsightsRequest.decodeYAML(yaml, file: "insights.yaml")
        }
        #expect(error.kind == .unknownKey && error.line == 4 && error.column == 3)
        #expect(error.keyPath == "health.coverageTraget")
        #expect(error.description.contains("did you mean `coverageTarget`?"))
        let good = try? InsightsRequest.decodeYAML("period: 2026-Q3\nhealth:\n  staleDays: 20\n", file: "insights.yaml")
        #expect(good?.health.staleDays == 20 && good?.health.coverageTarget == 3)
        let range = try #require(throws: ConfigurationError.self) {
            try InsightsRequest.decodeYAML("period: 2026-Q3\nhealth:\n  staleDays: 0\n", file: "x")
        }
        #expect(range.line == 3 && range.column == 3 && range.keyPath == "health.staleDays")
    }

    /// Every section's keys are checked, down to list items, and a value out of range in a list is
    /// located at its item (the plan file's `insights` section reuses this decoder).
    @Test func nestedSectionsDecodeStrictly() throws {
        let unknownForecastKey = try #require(throws: ConfigurationError.self) {
            try InsightsRequest.decodeYAML("period: 2026-Q3\nforecast:\n  simulation: 10\n", file: "i.yaml")
        }
        #expect(unknownForecastKey.line == 3 && unknownForecastKey.keyPath == "forecast.simulation")
        let goals = """
            period: 2026-Q3
            goals:
              - { id: G1, title: Bookings, owner: R1, measure: bookings, target: 10, deadline: 2026-09-30, weight: 1 }
              - { id: G2, title: Hygiene, owner: R1, managerScore: 0.5, deadline: 2026-09-30, weight: 0 }
            """
        let weight = try #require(throws: ConfigurationError.self) {
            try InsightsRequest.decodeYAML(goals, file: "i.yaml")
        }
        #expect(weight.keyPath == "goals[1].weight" && weight.line == 4)
        let points = "period: 2026-Q3\ngamification:\n  rules:\n    - { event: call, points: 2, bonus: 1 }\n"
        let bonus = try #require(throws: ConfigurationError.self) {
            try InsightsRequest.decodeYAML(points, file: "i.yaml")
        }
        #expect(bonus.keyPath == "gamification.rules[0].bonus" && bonus.line == 4 && bonus.column == 33)
        let noPeriod = try InsightsRequest.decodeYAML("health: {staleDays: 20}\n", file: "i.yaml")
        #expect(noPeriod.period.isEmpty)
        #expect(
            throws: InsightsError.invalidValue(key: "period", value: "", expected: "a period YYYY-Qn, YYYY-MM or YYYY")
        ) {
            try noPeriod.validate()
        }
    }
}
