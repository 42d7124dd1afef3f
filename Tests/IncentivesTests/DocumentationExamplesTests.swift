import SalesData
import Testing

@testable import Incentives

/// The doc-comment examples of the Incentives module, verbatim where they are self-contained.
@Suite struct DocumentationExamplesTests {
    @Test func money() throws {
        let deal = try Money(parsing: "104000")
        #expect(deal.cents == 10_400_000)
        #expect(deal.description == "104000.00")
    }

    @Test func rate() throws {
        let rate = try Rate(parsing: "3%")
        #expect(rate.micros == 30_000)
    }

    @Test func exactAmount() {
        let credit = ExactAmount(cents: 10_400_000)
        let quota = ExactAmount(cents: 10_000_000)
        #expect((credit / quota).description == "26/25")
        #expect((credit * Rate(micros: 50_000).exact).rounded().cents == 520_000)
    }

    @Test func compPeriod() throws {
        let march = try CompPeriod(parsing: "2026-03")
        #expect(march.window(.quarter).label == "2026-Q1")
        #expect(march.window(.quarter).start == CalendarDate(year: 2026, month: 1, day: 1))
    }

    @Test func quotaBookAndScoreBook() throws {
        let book = try QuotaBook(csv: "id,period,amount\nR1,2026,800000\n", file: "quotas.csv")
        #expect(
            book.amount(name: "default", id: "R1", window: CompPeriod(year: 2026, month: 3)?.window(.year) ?? march())
                == dollars(800_000))
        let scores = try ScoreBook(csv: "person_id,period,component,score\nR1,2026-Q1,mbo,67%\n", file: "scores.csv")
        #expect(scores.score(person: "R1", component: "mbo", window: "2026-Q1") == Rate(micros: 670_000))
    }

    @Test func compPlanFromYAML() throws {
        let plan = try CompPlan(
            yaml:
                "plan: AE\nversions:\n  - effective: 2026-01-01\n    target_incentive: 100000\n    assign: {roles: [Account Executive]}\n    components: []\n",
            file: "ae.yaml")
        #expect(plan.versions.count == 1)
        #expect(plan.version(on: date("2026-03-31"))?.targetIncentive == dollars(100_000))
    }

    @Test func effectiveDatedAlignment() {
        let reps = [Rep(id: "R1", name: "Ada", territoryID: "T1")]
        let alignment = EffectiveDatedAlignment(
            accounts: [], reps: reps, repMoves: [.init(id: "R1", territory: "T2", effective: date("2026-02-15"))])
        #expect(alignment.holder(of: "T2", on: date("2026-03-01")) == "R1")
        #expect(alignment.holder(of: "T1", on: date("2026-02-14")) == "R1")
        #expect(alignment.holder(of: "T1", on: date("2026-02-15")) == nil)
    }

    private func march() -> CompPeriod.Window { CompPeriod(containing: date("2026-03-01")).window(.year) }
}
