import Foundation
import TestSupport
import Testing

/// End-to-end tests of `meridian insights`: the built binary on the demo and on bad input.
@Suite struct InsightsCommandTests {
    @Test func reportWritesEveryFileForTheDemoQuarter() throws {
        let out = try Fixtures.temporaryFolder(prefix: "meridian-insights").appendingPathComponent("out")
        let run = try MeridianProcess.run([
            "insights", "--dataset", "Data/demo", "--period", "2026-Q3", "--points", "Data/insights/points.yaml",
            "--out", out.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("as of 2026-09-30"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(
            files == [
                "account_sentiment.csv", "coaching.csv", "contests.csv", "forecast.csv", "goals.csv", "leaderboard.csv",
                "pipeline_flags.csv", "scorecards.csv", "team_leaderboard.csv",
            ])
        let leaderboard = try String(contentsOf: out.appendingPathComponent("leaderboard.csv"), encoding: .utf8)
        #expect(!leaderboard.contains("amount") && !leaderboard.contains("pay"))
    }

    @Test func sentimentEvaluationPrintsTheRecordedFigures() throws {
        let run = try MeridianProcess.run(["insights", "sentiment"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("| all | 632 | Meridian sales model | 0.7342 | 0.7355 |"))
    }

    @Test func badInputExitsWithItsCodeAndLocation() throws {
        let config = try SolveCommandTests.temporaryFile("insights.yaml", "period: 2024-Q4\nhealth:\n  staleDayz: 3\n")
        let bad = try MeridianProcess.run([
            "insights", "--dataset", "Data/demo", "--config", config.path, "--out", "/tmp/x",
        ])
        #expect(bad.status == 65)
        #expect(
            bad.stderr.contains(
                "insights.yaml:3:3: health.staleDayz: unknown key `staleDayz`; did you mean `staleDays`?"))
        let period = try MeridianProcess.run([
            "insights", "--dataset", "Data/demo", "--period", "2024-Q9", "--out", "/tmp/x",
        ])
        #expect(period.status == 64)
    }
}
