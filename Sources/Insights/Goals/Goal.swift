import SalesData

/// A management-by-objectives goal: assigned to a rep, or cascaded to every rep below a manager.
///
/// ```yaml
/// goals:
///   - { id: G1, title: Q3 bookings, owner: R001, measure: bookings, target: 100000, deadline: 2026-09-30, weight: 0.6 }
///   - { id: G2, title: CRM hygiene, team: DM01, managerScore: 0.8, deadline: 2026-09-30, weight: 0.4 }
/// ```
///
/// Invariants after ``validate()``: exactly one of `owner` and `team`; either `measure` with a
/// positive `target`, or a `managerScore` ≥ 0; `weight` > 0.
public struct Goal: Sendable, Hashable, Codable {
    /// What a measured goal counts, from the start of the goal to the as-of day.
    public enum Measure: String, Sendable, Hashable, Codable, CaseIterable {
        case bookings, calls, meetings, emails, activities, wonDeals, newCustomers
    }

    public var id: String
    public var title: String
    public var owner: RepID?
    /// A manager: the goal applies to every rep below them (direct and indirect reports without reports).
    public var team: RepID?
    public var measure: Measure?
    public var target: Double?
    /// The manager's assessment, 1 = fully achieved.
    public var managerScore: Double?
    /// First day that counts; default the period start.
    public var start: CalendarDate?
    public var deadline: CalendarDate
    public var weight: Double

    public init(
        id: String, title: String, owner: RepID? = nil, team: RepID? = nil, measure: Measure? = nil,
        target: Double? = nil,
        managerScore: Double? = nil, start: CalendarDate? = nil, deadline: CalendarDate, weight: Double
    ) {
        self.id = id
        self.title = title
        self.owner = owner
        self.team = team
        self.measure = measure
        self.target = target
        self.managerScore = managerScore
        self.start = start
        self.deadline = deadline
        self.weight = weight
    }

    /// - Throws: ``InsightsError/invalidValue(key:value:expected:)`` naming the goal's key
    ///   (`target`, …; a request puts it under `goals[i]`).
    public func validate() throws(InsightsError) {
        guard (owner == nil) != (team == nil) else {
            throw .invalidValue(
                key: "owner", value: "\(owner?.rawValue ?? "-") / \(team?.rawValue ?? "-")",
                expected: "exactly one of owner and team")
        }
        switch (measure, target, managerScore) {
        case (.some, .some(let target), nil):
            guard target.isFinite, target > 0 else {
                throw .invalidValue(key: "target", value: "\(target)", expected: "a number > 0")
            }
        case (nil, nil, .some(let score)):
            guard score.isFinite, score >= 0, score <= 10 else {
                throw .invalidValue(
                    key: "managerScore", value: "\(score)", expected: "a number in 0...10 (1 = achieved)")
            }
        default:
            throw .invalidValue(
                key: "measure", value: measure?.rawValue ?? "-",
                expected: "measure with target, or managerScore alone")
        }
        guard weight.isFinite, weight > 0 else {
            throw .invalidValue(key: "weight", value: "\(weight)", expected: "a number > 0")
        }
        if let start, start > deadline {
            throw .invalidValue(
                key: "start", value: "\(start)", expected: "a day on or before the deadline \(deadline)")
        }
    }
}

/// Progress of one goal for one rep.
public struct GoalProgress: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        case achieved
        case onTrack = "on_track"
        case atRisk = "at_risk"
        case missed
    }

    public var goalID: String
    public var repID: RepID
    public var weight: Double
    /// The measured value (or the manager's score).
    public var actual: Double
    /// actual ÷ target, or the manager's score.
    public var progress: Double
    /// Share of the goal's span elapsed at the as-of day, 0…1.
    public var expected: Double
    public var status: Status
}

/// Evaluates goals as of a day: achieved (progress ≥ 1), missed (deadline passed below 1), on
/// track (progress ≥ expected × (1 − tolerance)) or at risk.
///
/// ```swift
/// let progress = GoalTracker(dataset: data).progress(of: goals, periodStart: q3.start, asOf: day)
/// GoalTracker.weightedScore(progress, rep: "R001")   // Σ weight × min(progress, 1) ÷ Σ weight
/// ```
public struct GoalTracker: Sendable {
    public let dataset: SalesDataset
    /// How far below the time-proportional progress a goal may be and still be on track.
    public let tolerance: Double

    public init(dataset: SalesDataset, tolerance: Double = 0.1) {
        self.dataset = dataset
        self.tolerance = tolerance
    }

    /// One row per goal and rep (a team goal gives one row per rep below the manager), in goal order then rep id.
    public func progress(of goals: [Goal], periodStart: CalendarDate, asOf: CalendarDate) -> [GoalProgress] {
        var reports: [RepID: [RepID]] = [:]
        for rep in dataset.reps { if let manager = rep.managerID { reports[manager, default: []].append(rep.id) } }
        func members(of manager: RepID, depth: Int = 0) -> [RepID] {
            guard depth < 64 else { return [] }
            return (reports[manager] ?? []).flatMap { reports[$0] == nil ? [$0] : members(of: $0, depth: depth + 1) }
        }
        var rows: [GoalProgress] = []
        for goal in goals {
            let start = goal.start ?? periodStart
            let owners = goal.owner.map { [$0] } ?? goal.team.map { members(of: $0).sorted() } ?? []
            let span = max(1, start.days(until: goal.deadline) + 1)
            let expected = min(1, max(0, Double(start.days(until: asOf) + 1) / Double(span)))
            var cards: [RepID: Scorecard] = [:]
            if goal.measure != nil, let period = try? ReportingPeriod(label: goal.id, start: start, end: goal.deadline)
            {
                let builder = ScorecardBuilder(dataset: dataset, period: period, asOf: min(asOf, goal.deadline))
                for card in builder.scorecards() where card.level == .rep { cards[RepID(card.key)] = card }
            }
            for owner in owners {
                let actual: Double
                let progress: Double
                if let measure = goal.measure, let target = goal.target {
                    actual = cards[owner].map { Self.value(measure, $0.totals) } ?? 0
                    progress = actual / target
                } else {
                    actual = goal.managerScore ?? 0
                    progress = actual
                }
                let status: GoalProgress.Status =
                    progress >= 1
                    ? .achieved
                    : asOf >= goal.deadline
                        ? .missed
                        : progress >= expected * (1 - tolerance) ? .onTrack : .atRisk
                rows.append(
                    GoalProgress(
                        goalID: goal.id, repID: owner, weight: goal.weight, actual: actual, progress: progress,
                        expected: expected,
                        status: status))
            }
        }
        return rows
    }

    /// Σ weight × min(progress, 1) ÷ Σ weight over a rep's goals (0 without goals): what an MBO component pays on.
    public static func weightedScore(_ rows: [GoalProgress], rep: RepID) -> Double {
        let mine = rows.filter { $0.repID == rep }
        let weights = mine.reduce(0) { $0 + $1.weight }
        return weights == 0 ? 0 : mine.reduce(0) { $0 + $1.weight * min($1.progress, 1) } / weights
    }

    static func value(_ measure: Goal.Measure, _ totals: ScorecardTotals) -> Double {
        switch measure {
        case .bookings: totals.bookings
        case .calls: Double(totals.calls)
        case .meetings: Double(totals.meetings)
        case .emails: Double(totals.emails)
        case .activities: Double(totals.calls + totals.meetings + totals.emails)
        case .wonDeals: Double(totals.wonDeals)
        case .newCustomers: Double(totals.newCustomers)
        }
    }
}
