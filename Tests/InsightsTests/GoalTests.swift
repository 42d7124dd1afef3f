import Foundation
import Insights
import SalesData
import TestSupport
import Testing

@Suite struct GoalTests {
    /// A bookings goal for R1, an email goal for M1's team and a manager-scored goal for R2.
    static let goals: [Goal] = {
        let day = ScorecardFixture.day
        return [
            Goal(
                id: "G1", title: "Q3 bookings", owner: "R1", measure: .bookings, target: 100_000,
                deadline: day("2026-09-30"), weight: 0.6),
            Goal(
                id: "G2", title: "Emails", team: "M1", measure: .emails, target: 4, deadline: day("2026-08-10"),
                weight: 0.4),
            Goal(id: "G3", title: "Hygiene", owner: "R2", managerScore: 0.9, deadline: day("2026-12-31"), weight: 0.6),
        ]
    }()

    /// As of 2026-08-15 on the scorecard fixture: R1 booked 50,000 of 100,000 with half of Q3 gone
    /// (on track); the team email goal (4 by 2026-08-10) is missed by R1 (2) and R2 (0); R2's manager
    /// score 0.9 with a quarter of the half-year gone is on track.
    @Test func progressStatusAndWeightedScore() throws {
        let data = try #require(ScorecardFixture.dataset)
        let day = ScorecardFixture.day
        let goals = Self.goals
        for goal in goals { try goal.validate() }
        let rows = GoalTracker(dataset: data).progress(
            of: goals, periodStart: day("2026-07-01"), asOf: day("2026-08-15"))
        #expect(rows.map { "\($0.goalID)/\($0.repID)" } == ["G1/R1", "G2/R1", "G2/R2", "G3/R2"])
        #expect(rows.map(\.progress) == [0.5, 0.5, 0, 0.9])
        #expect(rows.map(\.status) == [.onTrack, .missed, .missed, .onTrack])
        #expect(rows[0].expected == 0.5 && rows[3].expected == 46.0 / 184)
        #expect(isApproximatelyEqual(GoalTracker.weightedScore(rows, rep: "R1"), 0.5))
        #expect(isApproximatelyEqual(GoalTracker.weightedScore(rows, rep: "R2"), (0.4 * 0 + 0.6 * 0.9) / 1.0))
        #expect(throws: InsightsError.self) {
            try Goal(
                id: "bad", title: "x", owner: "R1", team: "M1", managerScore: 1, deadline: day("2026-09-30"), weight: 1
            ).validate()
        }
    }

    /// The engine writes each rep's weighted goal score for the comp plan's MBO component:
    /// R1 0.6 × 0.5 + 0.4 × 0.5 (2 of 4 emails) = 0.5; R2 (0.6 × 0.9 + 0.4 × 0) ÷ 1 = 0.54.
    @Test func mboScoresAreTheWeightedGoalScoresInTheCompScoreFormat() throws {
        let data = try #require(ScorecardFixture.dataset)
        var request = ScorecardFixture.request
        request.mboComponent = "objectives"
        request.goals = Self.goals
        let result = try InsightsEngine(analyzer: SentimentAnalyzer(lexicon: SentimentFixtures.salesLexicon))
            .run(request, dataset: data)
        let file = try #require(result.files().first { $0.name == "mbo_scores.csv" })
        #expect(
            String(decoding: file.bytes, as: UTF8.self)
                == "person_id,period,component,score\nR1,2026-Q3,objectives,0.5\nR2,2026-Q3,objectives,0.54\n")
        request.goals = []
        let none = try InsightsEngine(analyzer: SentimentAnalyzer(lexicon: SentimentFixtures.salesLexicon))
            .run(request, dataset: data)
        #expect(!none.files().contains { $0.name == "mbo_scores.csv" })
    }
}
