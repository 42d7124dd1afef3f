import Foundation
import Insights
import SalesData
import TestSupport
import Testing

@Suite struct LeaderboardTests {
    static let yaml = """
        rules:
          - { event: call, points: 2 }
          - { event: meeting, points: 5 }
          - { event: email, points: 1 }
          - { event: deal_created, points: 3 }
          - { event: deal_won, points: 50, perThousand: 1 }
          - { event: new_customer, points: 20 }
        badges:
          - { name: Closer, event: deal_won, atLeast: 1 }
          - { name: Hunter, event: new_customer, atLeast: 1 }
        contests:
          - { name: Email sprint, event: email, start: 2026-07-01, end: 2026-07-31 }
        """

    /// Points of the fixture's reps, counted by hand.
    ///
    /// R1: 2 emails (2) + 3 deals created (9) + O4 won (50 + 40) + A1 new (20) = 121.
    /// R2: 1 call (2) + 1 deal created (3) + O6 won (50 + 20) = 75. M1 scores nothing.
    @Test func pointsAndLeaderboardOrderOnTheFixture() throws {
        let data = try #require(ScorecardFixture.dataset)
        let rules = try GamificationRules.decodeYAML(Self.yaml, file: "points.yaml")
        let board = Leaderboard(dataset: data, rules: rules)
            .standings(from: ScorecardFixture.day("2026-07-01"), through: ScorecardFixture.day("2026-08-15"))
        #expect(board.reps.map(\.repID) == ["R1", "R2", "M1"])
        #expect(board.reps.map(\.points) == [121, 75, 0])
        #expect(board.reps.map(\.rank) == [1, 2, 3])
        #expect(board.reps.map(\.rankInTeam) == [1, 2, 1])  // R1, R2 in M1's team; M1 alone at the top
        #expect(board.reps[0].badges == ["Closer", "Hunter"] && board.reps[1].badges == ["Closer"])
        #expect(board.teams.map(\.teamID) == ["M1"] && board.teams[0].points == 196 && board.teams[0].members == 2)
        // July only: E1 (R1) is the one email; R2 and M1 tie at 0 and share rank 2.
        #expect(board.contests.map(\.repID) == ["R1", "M1", "R2"])
        #expect(board.contests.map(\.score) == [1, 0, 0] && board.contests.map(\.rank) == [1, 2, 2])
    }

    @Test func unknownKeysAndEventsAreRejectedWithTheirLocation() throws {
        let bonus = try #require(throws: ConfigurationError.self) {
            try GamificationRules.decodeYAML("rules:\n  - { event: call, points: 2, bonus: 1 }\n", file: "points.yaml")
        }
        #expect(bonus.file == "points.yaml" && bonus.line == 2 && bonus.column == 31)
        #expect(bonus.keyPath == "rules[0].bonus" && bonus.kind == .unknownKey)
        let event = try #require(throws: ConfigurationError.self) {
            try GamificationRules.decodeYAML("rules:\n  - { event: stage_advanced, points: 2 }\n", file: "points.yaml")
        }
        #expect(event.line == 2 && event.keyPath == "rules[0].event")
        let atLeast = try #require(throws: ConfigurationError.self) {
            try GamificationRules.decodeYAML(
                "rules: [{ event: call, points: 1 }]\nbadges:\n  - { name: Caller, event: call, atLeast: 0 }\n",
                file: "points.yaml")
        }
        #expect(atLeast.line == 3 && atLeast.keyPath == "badges[0].atLeast" && atLeast.kind == .invalidValue)
    }
}
