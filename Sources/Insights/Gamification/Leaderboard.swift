import SalesData

/// Points, badges, team leaderboards and contest standings for a period.
///
/// ```swift
/// let board = Leaderboard(dataset: data, rules: rules).standings(from: q3.start, through: day)
/// board.reps.first?.repID    // the leader
/// board.teams.first?.teamID  // the leading team (reps grouped by manager)
/// ```
///
/// Leaderboards show performance only: points, event counts and ranks. No amount of pay, quota or
/// deal value appears in any row (deal amounts only feed `perThousand` points).
/// Ranks are competition ranks (1, 2, 2, 4); ties list by id.
public struct Leaderboard: Sendable {
    public struct RepStanding: Sendable, Hashable, Codable {
        public var repID: RepID
        public var name: String
        /// The rep's manager: the team the rep competes in (`nil` at the top).
        public var teamID: RepID?
        public var points: Double
        /// Event counts, in ``GamificationRules/Event`` order.
        public var events: [GamificationRules.Event: Int]
        public var badges: [String]
        public var rank: Int
        public var rankInTeam: Int
    }

    public struct TeamStanding: Sendable, Hashable, Codable {
        public var teamID: RepID
        public var name: String
        public var members: Int
        public var points: Double
        public var rank: Int
    }

    public struct ContestStanding: Sendable, Hashable, Codable {
        public var contest: String
        public var repID: RepID
        public var score: Double
        public var rank: Int
    }

    public struct Standings: Sendable, Hashable, Codable {
        public var reps: [RepStanding]
        public var teams: [TeamStanding]
        public var contests: [ContestStanding]
    }

    public let dataset: SalesDataset
    public let rules: GamificationRules

    public init(dataset: SalesDataset, rules: GamificationRules) {
        self.dataset = dataset
        self.rules = rules
    }

    /// Standings for the events dated from `start` through `end`; contests use their own dates.
    public func standings(from start: CalendarDate, through end: CalendarDate) -> Standings {
        let (counts, points) = tally(from: start, through: end)
        var reps: [RepStanding] = dataset.reps.map { rep in
            let events = counts[rep.id] ?? [:]
            let badges = rules.badges.filter { (events[$0.event] ?? 0) >= $0.atLeast }.map(\.name)
            return RepStanding(
                repID: rep.id, name: rep.name, teamID: rep.managerID, points: points[rep.id] ?? 0, events: events,
                badges: badges,
                rank: 0, rankInTeam: 0)
        }
        reps.sort { ($1.points, $0.repID) < ($0.points, $1.repID) }
        for (index, rank) in Self.competitionRanks(reps.map(\.points)).enumerated() { reps[index].rank = rank }
        var byTeam: [RepID?: [Int]] = [:]
        for (index, rep) in reps.enumerated() { byTeam[rep.teamID, default: []].append(index) }
        for members in byTeam.values {
            for (offset, rank) in Self.competitionRanks(members.map { reps[$0].points }).enumerated() {
                reps[members[offset]].rankInTeam = rank
            }
        }
        let names = Dictionary(dataset.reps.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var teams = byTeam.compactMap { team, members -> TeamStanding? in
            guard let team else { return nil }
            return TeamStanding(
                teamID: team, name: names[team] ?? team.rawValue, members: members.count,
                points: members.reduce(0) { $0 + reps[$1].points }, rank: 0)
        }
        teams.sort { ($1.points, $0.teamID) < ($0.points, $1.teamID) }
        for (index, rank) in Self.competitionRanks(teams.map(\.points)).enumerated() { teams[index].rank = rank }
        var contests: [ContestStanding] = []
        for contest in rules.contests {
            let (contestCounts, contestPoints) = tally(from: contest.start, through: contest.end)
            var rows = dataset.reps.map { rep in
                ContestStanding(
                    contest: contest.name, repID: rep.id,
                    score: contest.event.map { Double(contestCounts[rep.id]?[$0] ?? 0) } ?? contestPoints[rep.id] ?? 0,
                    rank: 0)
            }
            rows.sort { ($1.score, $0.repID) < ($0.score, $1.repID) }
            for (index, rank) in Self.competitionRanks(rows.map(\.score)).enumerated() { rows[index].rank = rank }
            contests += rows
        }
        return Standings(reps: reps, teams: teams, contests: contests)
    }

    /// Event counts and points per rep for events dated from `start` through `end`.
    func tally(from start: CalendarDate, through end: CalendarDate) -> (
        [RepID: [GamificationRules.Event: Int]], [RepID: Double]
    ) {
        var counts: [RepID: [GamificationRules.Event: Int]] = [:]
        var points: [RepID: Double] = [:]
        func record(_ rep: RepID?, _ event: GamificationRules.Event, amount: Double = 0) {
            guard let rep else { return }
            counts[rep, default: [:]][event, default: 0] += 1
            for rule in rules.rules where rule.event == event {
                points[rep, default: 0] += rule.points + (rule.perThousand ?? 0) * amount / 1000
            }
        }
        for activity in dataset.activities where start <= activity.date && activity.date <= end {
            switch activity.kind {
            case .call: record(activity.repID, .call)
            case .meeting: record(activity.repID, .meeting)
            case .email: record(activity.repID, .email)
            }
        }
        for deal in dataset.opportunities {
            if start <= deal.createdDate && deal.createdDate <= end {
                record(deal.ownerID, .dealCreated, amount: deal.amount)
            }
            if deal.isClosed && deal.isWon && start <= deal.closeDate && deal.closeDate <= end {
                record(deal.ownerID, .dealWon, amount: deal.amount)
            }
        }
        for (_, first) in ScorecardBuilder.firstBookings(of: dataset) where start <= first.date && first.date <= end {
            record(first.largestSplitRep, .newCustomer)
        }
        return (counts, points)
    }

    /// Competition ranks of values sorted in descending order: equal values share the rank of the first.
    static func competitionRanks(_ sortedDescending: [Double]) -> [Int] {
        var ranks: [Int] = []
        for (index, value) in sortedDescending.enumerated() {
            ranks.append(index > 0 && sortedDescending[index - 1] == value ? ranks[index - 1] : index + 1)
        }
        return ranks
    }
}
