import Foundation
import SalesData

extension InsightsResult {
    /// The files of an output folder, by name: `scorecards.csv`, `pipeline_flags.csv`, `account_sentiment.csv`, `forecast.csv`.
    public func files(stages: [String] = InsightsRequest.defaultStages) -> [(name: String, bytes: [UInt8])] {
        var files = [
            ("scorecards.csv", scorecardsCSV(stages: stages)), ("pipeline_flags.csv", flagsCSV()),
            ("account_sentiment.csv", sentimentCSV()), ("forecast.csv", forecastCSV()), ("coaching.csv", coachingCSV()),
            ("goals.csv", goalsCSV()),
        ]
        if let standings { files += standingsCSV(standings) }
        return files
    }

    /// `leaderboard.csv` (reps), `team_leaderboard.csv` and `contests.csv`: points, counts and ranks, never pay.
    func standingsCSV(_ standings: Leaderboard.Standings) -> [(name: String, bytes: [UInt8])] {
        var reps = CSVWriter()
        reps.writeRow(
            ["rank", "rank_in_team", "rep_id", "name", "team_id", "points"]
                + GamificationRules.Event.allCases.map(\.rawValue) + ["badges"])
        for rep in standings.reps {
            reps.number(Double(rep.rank))
            reps.number(Double(rep.rankInTeam))
            reps.field(rep.repID.rawValue)
            reps.field(rep.name)
            reps.field(rep.teamID?.rawValue)
            reps.number(rep.points, decimals: 2)
            for event in GamificationRules.Event.allCases { reps.number(Double(rep.events[event] ?? 0)) }
            reps.field(rep.badges.joined(separator: ";"))
            reps.endRow()
        }
        var teams = CSVWriter()
        teams.writeRow(["rank", "team_id", "name", "members", "points"])
        for team in standings.teams {
            teams.number(Double(team.rank))
            teams.field(team.teamID.rawValue)
            teams.field(team.name)
            teams.number(Double(team.members))
            teams.number(team.points, decimals: 2)
            teams.endRow()
        }
        var contests = CSVWriter()
        contests.writeRow(["contest", "rank", "rep_id", "score"])
        for row in standings.contests {
            contests.field(row.contest)
            contests.number(Double(row.rank))
            contests.field(row.repID.rawValue)
            contests.number(row.score, decimals: 2)
            contests.endRow()
        }
        return [
            ("leaderboard.csv", reps.bytes), ("team_leaderboard.csv", teams.bytes), ("contests.csv", contests.bytes),
        ]
    }

    func scorecardsCSV(stages: [String]) -> [UInt8] {
        var csv = CSVWriter()
        let funnel = stages + ["Closed Won"]
        var header = [
            "level", "key", "name", "role", "period", "as_of", "quota", "bookings", "attainment", "elapsed_share",
            "pace",
            "remaining_quota", "open_pipeline", "coverage", "open_deals", "won_deals", "lost_deals", "win_rate",
            "average_deal", "cycle_days", "velocity_per_day", "calls", "meetings", "emails", "new_customers",
            "largest_open_deal_share",
        ]
        header += zip(funnel, funnel.dropFirst()).map {
            "conversion_\($0)_to_\($1)".lowercased().replacingOccurrences(of: " ", with: "_")
        }
        csv.writeRow(header)
        for card in scorecards {
            csv.field(card.level.rawValue)
            csv.field(card.key)
            csv.field(card.name)
            csv.field(card.role)
            csv.field(period.label)
            csv.date(asOf)
            for value in [
                card.totals.quota, card.totals.bookings, card.attainment, card.elapsedShare, card.pace,
                card.remainingQuota, card.totals.openPipeline, card.coverage,
            ] { csv.number(value, decimals: 6) }
            for count in [card.totals.openDeals, card.totals.wonDeals, card.totals.lostDeals] {
                csv.number(Double(count))
            }
            for value in [card.winRate, card.averageDeal, card.cycleDays, card.velocity] {
                csv.number(value, decimals: 6)
            }
            for count in [card.totals.calls, card.totals.meetings, card.totals.emails, card.totals.newCustomers] {
                csv.number(Double(count))
            }
            csv.number(card.concentration, decimals: 6)
            let conversion = card.stageConversion
            for index in 0..<stages.count {
                csv.number(index < conversion.count ? conversion[index] : nil, decimals: 6)
            }
            csv.endRow()
        }
        return csv.bytes
    }

    func flagsCSV() -> [UInt8] {
        var csv = CSVWriter()
        csv.writeRow(["kind", "rep_id", "account_id", "opportunity_id", "value", "threshold", "detail"])
        for flag in flags {
            csv.field(flag.kind.rawValue)
            csv.field(flag.repID?.rawValue)
            csv.field(flag.accountID?.rawValue)
            csv.field(flag.opportunityID?.rawValue)
            csv.number(flag.value, decimals: 6)
            csv.number(flag.threshold)
            csv.field(flag.detail)
            csv.endRow()
        }
        return csv.bytes
    }

    func goalsCSV() -> [UInt8] {
        var csv = CSVWriter()
        csv.writeRow(["goal_id", "rep_id", "weight", "actual", "progress", "expected", "status"])
        for row in goals {
            csv.field(row.goalID)
            csv.field(row.repID.rawValue)
            for value in [row.weight, row.actual, row.progress, row.expected] { csv.number(value, decimals: 4) }
            csv.field(row.status.rawValue)
            csv.endRow()
        }
        return csv.bytes
    }

    func coachingCSV() -> [UInt8] {
        var csv = CSVWriter()
        csv.writeRow([
            "rep_id", "rank", "metric", "value", "peer_median", "robust_z", "percentile", "peers", "peer_group",
            "share_of_gap", "persistent_quarters", "recommendation",
        ])
        for signal in coaching {
            csv.field(signal.repID.rawValue)
            csv.number(Double(signal.rank))
            csv.field(signal.metric.rawValue)
            for value in [signal.value, signal.peerMedian, signal.robustZ, signal.percentile] {
                csv.number(value, decimals: 4)
            }
            csv.number(Double(signal.peers))
            csv.field(signal.peerGroup)
            csv.number(signal.shareOfGap, decimals: 4)
            csv.number(Double(signal.persistentQuarters))
            csv.field(signal.recommendation)
            csv.endRow()
        }
        return csv.bytes
    }

    func forecastCSV() -> [UInt8] {
        var csv = CSVWriter()
        csv.writeRow([
            "level", "key", "period", "as_of", "booked", "expected_pipeline", "expected_run_rate", "expected", "p10",
            "p50",
            "p90", "open_deals", "open_amount", "interval_past_forecasts",
        ])
        for row in forecast {
            csv.field(row.level.rawValue)
            csv.field(row.key)
            csv.field(period.label)
            csv.date(asOf)
            for value in [
                row.booked, row.expectedPipeline, row.expectedRunRate, row.expected, row.p10, row.p50, row.p90,
            ] {
                csv.number(value, decimals: 2)
            }
            csv.number(Double(row.openDeals))
            csv.number(row.openAmount, decimals: 2)
            csv.number(Double(row.pastForecasts))
            csv.endRow()
        }
        return csv.bytes
    }

    func sentimentCSV() -> [UInt8] {
        var csv = CSVWriter()
        csv.writeRow([
            "account_id", "activities", "mean_compound", "last_compound", "first_date", "last_date",
            "slope_per_30_days",
        ])
        for trend in sentimentTrends {
            csv.field(trend.accountID.rawValue)
            csv.number(Double(trend.activities))
            csv.number(trend.meanCompound, decimals: 6)
            csv.number(trend.lastCompound, decimals: 6)
            csv.date(trend.firstDate)
            csv.date(trend.lastDate)
            csv.number(trend.slopePer30Days, decimals: 6)
            csv.endRow()
        }
        return csv.bytes
    }
}
